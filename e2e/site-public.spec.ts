import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { samples } from "./fixtures/samples";

/*
 * The public header, footer and home page as the first start seeds them (menus, "Liên kết" list,
 * home layout, site settings): read only, so these run beside every other test. What staff change
 * is tested in exclusive/site-admin.spec.ts, after everything else.
 */

const ARTICLE = `/tin-tuc/${samples.conference2020.slug}`;
const mainMenu = (page: Page) => page.getByRole("navigation", { name: "Trình đơn chính" });
const menuButton = (page: Page) => page.locator("summary", { hasText: "Trình đơn" });

const modes: Record<string, object | null> = {
  "normal mode": null,
  "high-contrast mode": { fontSize: 100, contrast: "high" },
  "largest text (200%)": { fontSize: 200 },
};

test.describe("public header, footer and home page", () => {
  test("the header shows the seeded menu, the footer the agency, its links and the related sites", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("banner").getByRole("link", { name: /Cục Sở hữu trí tuệ/ })).toHaveAttribute("href", "/");
    const menu = mainMenu(page);
    await expect(menu.getByRole("link", { name: "Trang chủ" })).toHaveAttribute("href", "/");
    await expect(menu.getByRole("link", { name: samples.categories.party.name })).toHaveAttribute("href", `/chuyen-muc/${samples.categories.party.slug}`);

    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("heading", { name: "Cục Sở hữu trí tuệ" })).toBeVisible();
    await expect(footer.getByText("386 Nguyễn Trãi, Thanh Xuân, Hà Nội")).toBeVisible();
    await expect(footer.getByText("Ghi rõ nguồn khi phát hành lại thông tin từ trang này.")).toBeVisible();
    await expect(footer.getByRole("navigation", { name: "Chuyên mục" }).getByRole("link", { name: samples.categories.emulation.name })).toBeVisible();
    // Related agencies' sites leave the site: marked for the eye and for screen readers, with a safe rel.
    const most = footer.getByRole("navigation", { name: "Liên kết" }).getByRole("link", { name: "Bộ Khoa học và Công nghệ (trang ngoài)" });
    await expect(most).toHaveAttribute("href", "https://most.gov.vn");
    await expect(most).toHaveAttribute("rel", "noopener noreferrer");
    await expect(most.locator("svg")).toHaveAttribute("aria-hidden", "true");
    // …and the home page lists them in its side column too.
    await expect(page.getByRole("region", { name: "Liên kết" }).getByRole("link", { name: "Cổng Thông tin điện tử Chính phủ (trang ngoài)" })).toHaveAttribute("rel", "noopener noreferrer");
  });

  test("the home page: featured stories, the latest news, a block per category; without pictures it shows no picture boxes", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trang chủ – Cục Sở hữu trí tuệ");
    const featured = page.getByRole("region", { name: "Tin nổi bật" });
    // The seed features the newest sample posts, which have no pictures: the lead story is text, no box stands in for a photo.
    await expect(featured.getByRole("heading", { level: 3 }).first()).toHaveText(samples.conference2020.title);
    await expect(featured.locator("img, picture, [class*='aspect-']")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Tin mới" }).getByRole("heading", { level: 3 }).first()).toBeVisible();
    const block = page.getByRole("region", { name: samples.categories.emulation.name });
    await expect(block.getByRole("link", { name: samples.emulation2020.title })).toBeVisible();
    await expect(block.getByRole("link", { name: `Xem tất cả tin ${samples.categories.emulation.name}` })).toHaveAttribute("href", `/chuyen-muc/${samples.categories.emulation.slug}`);
    // No script on the home page: the menus are <details>.
    await expect(page.locator("script[src]")).toHaveCount(0);
  });

  test("the site has icons: /favicon.ico and the touch icon answer, and pages name them", async ({ page, request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toBe("image/x-icon");
    const body = await ico.body();
    expect([body.readUInt16LE(0), body.readUInt16LE(2), body.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const touch = await request.get("/apple-touch-icon.png");
    expect(touch.headers()["content-type"]).toBe("image/png");
    await page.goto(ARTICLE);
    await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", /^\/favicon\.ico\?v=/);
    await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute("href", /^\/apple-touch-icon\.png\?v=/);
    // Browsers ask for the icon on every page: no 404 anywhere in a page load.
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto("/");
    await page.waitForLoadState("load");
    expect(failed).toEqual([]);
  });

  for (const [modeName, prefs] of Object.entries(modes)) {
    test(`axe finds no violations on the home page in ${modeName}, on a desktop and at 320 px with the menu open`, async ({ page }) => {
      if (prefs) await page.addInitScript((value) => localStorage.setItem("reader-prefs", value), JSON.stringify(prefs));
      await page.goto("/");
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 320, height: 640 });
      await menuButton(page).click();
      await expect(mainMenu(page)).toBeVisible();
      await expectNoAxeViolations(page);
      // Nothing wider than the screen: a reader never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }

  test("on a phone the menu is one button that a keyboard opens, and it holds the search box and every entry", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(ARTICLE);
    await expect(mainMenu(page)).toBeHidden();
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // the agency's name, home
    await page.keyboard.press("Tab");
    await expect(menuButton(page)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("details.site-menu")).toHaveAttribute("open", "");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("searchbox", { name: "Tìm kiếm" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(mainMenu(page).getByRole("link", { name: "Trang chủ" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/");
  });

  test("at 200% text on a phone the open menu is readable and nothing spills sideways", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => localStorage.setItem("reader-prefs", JSON.stringify({ fontSize: 200 })));
    await page.goto(ARTICLE);
    await menuButton(page).click();
    const link = mainMenu(page).getByRole("link", { name: samples.categories.party.name });
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("on a 390 × 844 phone the article's title starts within the first third of the screen, with the whole toolbar there", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(ARTICLE);
    const toolbar = page.locator("[data-reader-toolbar]");
    await expect(toolbar).toHaveAttribute("data-ready", "true");
    const title = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(title!.y).toBeLessThanOrEqual(844 / 3);
    // Every control is still there and on the screen.
    for (const name of [/Giảm cỡ chữ/, /Cỡ chữ mặc định/, /Tăng cỡ chữ/, /Đọc bài viết/, /Dừng/, /Tương phản/]) await expect(toolbar.getByRole("button", { name })).toBeInViewport();
    await expect(toolbar.getByRole("combobox", { name: "Tốc độ đọc" })).toBeInViewport();
    // The label words are for screen readers there; the size group keeps its name.
    await expect(toolbar.getByRole("group", { name: "Xem với cỡ chữ" })).toBeVisible();
  });
});

test.describe("public header and footer without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test("the phone menu opens and its links work, the search box searches, the footer is there", async ({ page }) => {
    await page.goto(ARTICLE);
    await menuButton(page).click();
    await expect(mainMenu(page).getByRole("link", { name: samples.categories.emulation.name })).toBeVisible();
    await page.getByRole("searchbox", { name: "Tìm kiếm" }).fill("hoi nghi");
    await page.getByRole("searchbox", { name: "Tìm kiếm" }).press("Enter");
    await expect(page).toHaveURL(/\/tim-kiem\?q=hoi\+nghi/);
    await menuButton(page).click();
    await mainMenu(page).getByRole("link", { name: samples.categories.emulation.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: samples.categories.emulation.name })).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("navigation", { name: "Liên kết" })).toBeVisible();
    // (axe needs JavaScript to run; the same pages are checked with it above.)
  });
});
