import { expect, test } from "@playwright/test";
import { addOldSlug } from "./fixtures/import-cli";
import { samples } from "./fixtures/samples";

test.describe("public reading site", () => {
  test("a reader goes from the home page to a category and to an article", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1, name: "Trang chủ – Cục Sở hữu trí tuệ" })).toBeVisible();
    // The first start features the samples, newest first (other tests add news, never featured stories).
    const titles = await page.getByRole("region", { name: "Tin nổi bật" }).locator("article h3").allTextContents();
    const positions = [samples.conference2020.title, samples.emulation2020.title, samples.midyear2017.title].map((t) => titles.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await expect(page.locator("main").getByText(samples.conference2020.dateLine).first()).toBeVisible();

    await page.getByRole("navigation", { name: "Chuyên mục" }).getByRole("link", { name: samples.categories.emulation.name }).click();
    await expect(page).toHaveURL(`/chuyen-muc/${samples.categories.emulation.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: samples.categories.emulation.name })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Đường dẫn trang" })).toContainText("Trang chủ");

    await page.getByRole("link", { name: samples.emulation2020.title }).click();
    await expect(page).toHaveURL(`/tin-tuc/${samples.emulation2020.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(samples.emulation2020.title);
    await expect(page.locator(".date-line")).toHaveText(samples.emulation2020.dateLine);
    await expect(page.locator(".source")).toHaveText(samples.emulation2020.source);
  });

  test("the article page follows the agency's anatomy", async ({ page }) => {
    await page.goto(`/tin-tuc/${samples.conference2020.slug}`);
    await expect(page.locator(".date-line")).toHaveText("Th 5, 31/12/2020 | 17:12 CH");
    const article = page.locator("article[data-read-aloud-root]");
    // Order on the page: date line, toolbar, title, lead, body, source.
    const order = await article.evaluate((root) =>
      [".date-line", ".reader-toolbar", "h1", ".lead", ".article-body", ".source"].map((sel) => {
        const el = root.querySelector(sel);
        return el ? Array.from(root.querySelectorAll("*")).indexOf(el) : -1;
      }),
    );
    expect(order.every((v) => v >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    await expect(page.locator(".lead")).toHaveText(/^Ngày 29\/12\/2020, Đảng bộ Cục Sở hữu trí tuệ tổ chức Hội nghị/);
    await expect(page.locator(".lead")).toHaveCSS("font-weight", "700");
    const captions = page.locator(".article-body p.caption, .article-body figcaption");
    await expect(captions).toHaveCount(6);
    await expect(captions.first()).toHaveText("Toàn cảnh Hội nghị");
    await expect(page.locator(".source")).toHaveText("Cục Sở hữu trí tuệ");
    await expect(page.locator(".source")).toHaveCSS("text-align", "right");
    await expect(page.locator(".source")).toHaveCSS("font-weight", "700");
    // The toolbar text of the export is not content.
    await expect(page.locator(".article-body")).not.toContainText("Xem với cỡ chữ");

    const breadcrumb = page.getByRole("navigation", { name: "Đường dẫn trang" });
    await expect(breadcrumb.getByRole("link", { name: "Trang chủ" })).toHaveAttribute("href", "/");
    await expect(breadcrumb.getByRole("link", { name: samples.categories.party.name })).toBeVisible();
    const related = page.getByRole("complementary", { name: "Tin liên quan" });
    // Other tests publish into this category too, so the box is checked for what it is, not which posts.
    await expect(related.getByRole("link").first()).toHaveAttribute("href", /^\/tin-tuc\/[a-z0-9-]+$/);
    await expect(related.getByRole("link", { name: samples.conference2020.title })).toHaveCount(0);
    await expect(page).toHaveTitle(new RegExp(`^${samples.conference2020.title}`));
  });

  test("an unknown article, category or page answers with a Vietnamese 404", async ({ page }) => {
    for (const url of ["/tin-tuc/khong-co-bai-nay", "/chuyen-muc/khong-co", "/trang/99", "/khong-ton-tai", "/tin-tuc/%3Cscript%3E"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Về Trang chủ" })).toBeVisible();
    }
  });

  test("the first page of a listing has one address", async ({ request }) => {
    const response = await request.get("/trang/1", { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers()["location"]).toBe("/");
    const category = await request.get(`/chuyen-muc/${samples.categories.party.slug}/trang/1`, { maxRedirects: 0 });
    expect(category.headers()["location"]).toBe(`/chuyen-muc/${samples.categories.party.slug}`);
  });

  test("an article's old address redirects permanently to its current one", async ({ page }) => {
    const oldSlug = `dia-chi-cu-${Date.now().toString(36)}`;
    const cleanup = addOldSlug(oldSlug, samples.emulation2020.slug);
    try {
      const response = await page.goto(`/tin-tuc/${oldSlug}`);
      expect(response?.request().redirectedFrom()).not.toBeNull();
      expect((await response!.request().redirectedFrom()!.response())?.status()).toBe(308);
      await expect(page).toHaveURL(`/tin-tuc/${samples.emulation2020.slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(samples.emulation2020.title);
    } finally {
      cleanup();
    }
  });

  test("public pages are served from the cache", async ({ request }) => {
    const url = `/tin-tuc/${samples.midyear2017.slug}`;
    // A copy rendered while any change lands (another test's, a recording made in the background) is not kept: ask again then.
    await expect(async () => {
      await request.get(url);
      const second = await request.get(url);
      expect(second.status()).toBe(200);
      expect(second.headers()["x-cache"]).toBe("HIT");
    }).toPass({ timeout: 10_000 });
    const home = await request.get("/");
    await expect(async () => {
      await request.get("/");
      expect((await request.get("/")).headers()["x-cache"]).toBe("HIT");
    }).toPass({ timeout: 10_000 });
    expect(home.headers()["cache-control"]).not.toContain("no-store");
  });

  test("public pages load only the site's small page script, and its buttons work", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    for (const path of ["/", `/chuyen-muc/${samples.categories.emulation.slug}`, `/tin-tuc/${samples.conference2020.slug}`]) {
      scripts.length = 0;
      await page.goto(path);
      await page.waitForLoadState("load");
      expect(scripts, path).toEqual(path.startsWith("/tin-tuc/") ? ["/assets/page.js"] : []);
    }
    const script = await page.request.get(await page.locator('script[src^="/assets/page.js"]').getAttribute("src").then((src) => src!));
    expect(script.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    // Links are plain links: the next page is a full load of its own HTML.
    const homeDocument = page.waitForRequest((request) => request.resourceType() === "document" && new URL(request.url()).pathname === "/");
    await page.getByRole("navigation", { name: "Đường dẫn trang" }).getByRole("link", { name: "Trang chủ" }).click();
    await homeDocument;
    await expect(page).toHaveURL("/");
    await page.goBack();
    const toolbar = page.getByRole("group", { name: "Công cụ đọc" });
    await expect(toolbar).toHaveAttribute("data-ready", "true");
    await toolbar.getByRole("button", { name: "Tăng cỡ chữ" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "112.5");
    await page.evaluate(() => localStorage.removeItem("reader-prefs"));
  });

  test("the article reads fine with JavaScript off, without dead toolbar buttons", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/tin-tuc/${samples.conference2020.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(samples.conference2020.title);
    await expect(page.locator(".lead")).toBeVisible();
    await expect(page.locator(".article-body p").first()).toBeVisible();
    await expect(page.locator(".source")).toBeVisible();
    await expect(page.locator(".reader-toolbar")).toBeHidden();
    // The buttons left are plain forms that work without JavaScript: the header's search (GET) and the one asking for the article's recording (POST).
    await expect(page.getByRole("button")).toHaveCount(2);
    await expect(page.getByRole("search", { name: "Tìm kiếm trên trang" }).getByRole("button", { name: "Tìm kiếm" })).toBeVisible();
    await expect(page.locator(".reader-audio-fallback form[method=post]").getByRole("button", { name: "Tạo bản ghi âm" })).toBeVisible();
    await context.close();
  });

  test("a narrow phone at the largest text size never scrolls sideways", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.addInitScript(() => localStorage.setItem("reader-prefs", JSON.stringify({ fontSize: 200 })));
    for (const url of ["/", `/chuyen-muc/${samples.categories.party.slug}`, `/tin-tuc/${samples.emulation2020.slug}`]) {
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("data-font-size", "200");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
});
