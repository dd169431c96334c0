import { expect, test, type Page } from "@playwright/test";
import { cacheTags } from "../lib/cache/tags";
import { expectNoAxeViolations } from "./fixtures/axe";
import { writeDb } from "./fixtures/db";
import { samples } from "./fixtures/samples";
import { stamp } from "./fixtures/stamp";

/*
 * The English site under /en as the first start seeds it (issue 14): an English version of one
 * sample post and of the About and Contact pages, linked to their Vietnamese originals, English
 * category names, menus and home page. Read only, except the search test, which makes its own posts.
 */

const ENGLISH_ARTICLE = "/en/news/ip-viet-nam-holds-its-conference-of-exemplary-collectives-and-individuals";
const ORIGINAL = `/tin-tuc/${samples.emulation2020.slug}`;
const ENGLISH_PAGES = ["/en", ENGLISH_ARTICLE, "/en/about", "/en/contact", "/en/category/emulation-and-commendation", "/en/search?q=conference", "/en/no-such-page"];
// Letters only Vietnamese writes: an English interface never shows one.
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýõ]/i;

/** The words a reader sees, without what is marked as Vietnamese (the switcher's "Tiếng Việt"). */
const visibleEnglishText = (page: Page) =>
  page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const element of body.querySelectorAll('[lang="vi"], script, style')) element.remove();
    return body.innerText;
  });

const alternates = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [link.getAttribute("hreflang"), new URL(link.getAttribute("href")!).pathname])));

test.describe("the English site", () => {
  test("English pages are <html lang=en> and show no Vietnamese interface word", async ({ page }) => {
    for (const address of ENGLISH_PAGES) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(address === "/en/no-such-page" ? 404 : 200);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      const text = await visibleEnglishText(page);
      expect(text.split(/\s+/).filter((word) => VIETNAMESE_LETTERS.test(word)), address).toEqual([]);
    }
    await page.goto(ENGLISH_ARTICLE);
    const toolbar = page.getByRole("group", { name: "Reading tools" });
    await expect(toolbar.getByText("Text size", { exact: true })).toBeVisible();
    await expect(toolbar.getByRole("button", { name: "Listen" })).toBeVisible();
    await expect(toolbar.getByRole("button", { name: "Contrast" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Home" })).toHaveAttribute("href", "/en");
    await expect(page.getByText("Fri, 19/06/2020 | 11:39", { exact: true })).toBeVisible();
    await expect(page.getByText("All times on this site are Vietnam time (GMT+7).")).toBeVisible();
    await expect(page.getByRole("group", { name: "Print and share" }).getByRole("link", { name: /Share on Facebook/ })).toBeVisible();
    // Read aloud in English: the recording asked for is the English one.
    const request = await toolbar.getAttribute("data-audio-request");
    if (request) expect(request).toMatch(/\/en$/);
  });

  test("hreflang pairs point both ways, with x-default on the Vietnamese original", async ({ page }) => {
    await page.goto(ORIGINAL);
    const fromVietnamese = await alternates(page);
    expect(fromVietnamese).toEqual({ vi: ORIGINAL, en: ENGLISH_ARTICLE, "x-default": ORIGINAL });
    await page.goto(ENGLISH_ARTICLE);
    expect(await alternates(page)).toEqual(fromVietnamese);
    await page.goto("/en/about");
    expect(await alternates(page)).toEqual({ vi: "/gioi-thieu", en: "/en/about", "x-default": "/gioi-thieu" });
    // A page without a published translation names none.
    await page.goto(`/tin-tuc/${samples.conference2020.slug}`);
    expect(await alternates(page)).toEqual({});
  });

  test("the switcher goes to the published translation, and to the other home page when there is none", async ({ page }) => {
    await page.goto(ORIGINAL);
    await page.getByRole("banner").getByRole("link", { name: /^English/ }).first().click();
    await expect(page).toHaveURL(ENGLISH_ARTICLE);
    await page.getByRole("banner").getByRole("link", { name: /^Tiếng Việt/ }).first().click();
    await expect(page).toHaveURL(ORIGINAL);
    await page.goto("/lien-he");
    await page.getByRole("banner").getByRole("link", { name: /^English/ }).first().click();
    await expect(page).toHaveURL("/en/contact");
    await page.goto(`/tin-tuc/${samples.conference2020.slug}`);
    await page.getByRole("banner").getByRole("link", { name: /^English/ }).first().click();
    await expect(page).toHaveURL("/en");
    await expect(page.getByRole("heading", { name: "Featured" })).toBeVisible();
  });

  const modes: Record<string, object | null> = {
    "normal mode": null,
    "high-contrast mode": { fontSize: 100, contrast: "high" },
    "200% text": { fontSize: 200 },
  };
  for (const [modeName, prefs] of Object.entries(modes)) {
    test(`axe finds no violations on English pages in ${modeName}, on a desktop and at 320 px`, async ({ page }) => {
      test.setTimeout(60_000);
      if (prefs) await page.addInitScript((value) => localStorage.setItem("reader-prefs", value), JSON.stringify(prefs));
      for (const address of ["/en", ENGLISH_ARTICLE, "/en/about", "/en/search?q=conference"]) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(address);
        await expectNoAxeViolations(page);
        await page.setViewportSize({ width: 320, height: 640 });
        await page.locator("summary", { hasText: "Menu" }).click();
        await expect(page.getByRole("navigation", { name: "Main menu" })).toBeVisible();
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), address).toBeLessThanOrEqual(320);
      }
    });
  }

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("English pages read whole, the phone menu opens and its links work", async ({ page }) => {
      await page.goto(ENGLISH_ARTICLE);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("IP Viet Nam holds its conference of exemplary collectives and individuals");
      await page.setViewportSize({ width: 320, height: 640 });
      await page.locator("summary", { hasText: "Menu" }).click();
      await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "About us" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "About us" })).toBeVisible();
    });
  });

  test("English pages as a reader without JavaScript gets them pass axe", async ({ page, browser }) => {
    // axe needs JavaScript: the page a JavaScript-less browser received is checked in one that runs axe, its scripts removed.
    const withoutScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      for (const address of [ENGLISH_ARTICLE, "/en"]) {
        const reader = await withoutScript.newPage();
        await reader.goto(address);
        const html = (await reader.content()).replace(/<script\b[\s\S]*?<\/script>/g, "");
        await page.goto(address);
        await page.setContent(html);
        await expectNoAxeViolations(page);
      }
    } finally {
      await withoutScript.close();
    }
  });

  test("English search ignores case and finds English content only; Vietnamese search never finds it", async ({ page }) => {
    const word = `zq${stamp()}`;
    const made = writeDb(
      (db) =>
        db
          .transaction(() => {
            const category = db.prepare("select id from categories where slug = ?").get(samples.categories.party.slug) as { id: number };
            const add = (language: string, title: string) =>
              (db
                .prepare(
                  `insert into posts (kind, language, title, slug, lead, body, body_html, body_text, category_id, status, published_at)
                   values ('post', ?, ?, ?, '', '{"type":"doc","content":[]}', '', '', ?, 'published', ?) returning slug`,
                )
                .get(language, title, `${language}-${word}`, category.id, Date.now() - 60_000) as { slug: string }).slug;
            const slugs = { en: add("en", `Annual ${word} Review`), vi: add("vi", `Hội nghị ${word} tổng kết`) };
            for (const tag of [cacheTags.home, cacheTags.all]) db.prepare("insert into cache_invalidations (tag) values (?)").run(tag);
            return slugs;
          })
          .immediate(),
      { likeTheApp: true },
    );
    await page.goto(`/en/search?q=${word.toUpperCase()}`);
    const results = page.getByRole("main").getByRole("article");
    await expect(page.locator("#search-summary")).toHaveText(`1 article found for “${word.toUpperCase()}”`);
    await expect(results).toHaveCount(1);
    await expect(results.getByRole("link", { name: new RegExp(`Annual ${word} Review`, "i") })).toHaveAttribute("href", `/en/news/${made.en}`);

    await page.goto(`/tim-kiem?q=${word}`);
    await expect(page.locator("#search-summary")).toContainText("Tìm thấy 1 bài viết");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("main").getByRole("link", { name: new RegExp(`Hội nghị ${word}`) })).toHaveAttribute("href", `/tin-tuc/${made.vi}`);
    await page.goto(`/tim-kiem?q=annual ${word}`);
    await expect(page.locator("#search-summary")).toContainText("Không tìm thấy bài viết nào");
  });

  test("the English feed has the English news only, in English", async ({ request }) => {
    const response = await request.get("/en/rss.xml");
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toContain("<language>en</language>");
    expect(xml).toContain(ENGLISH_ARTICLE);
    expect(xml).not.toContain("/tin-tuc/");
    expect(xml).toContain("<category>Emulation and commendation</category>");
    const vietnamese = await (await request.get("/rss.xml")).text();
    expect(vietnamese).not.toContain("/en/news/");
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain(ENGLISH_ARTICLE);
    expect(sitemap).toContain("/en/about");
    // Each version names the other, as the pages' heads do.
    expect(sitemap).toMatch(/<loc>[^<]*\/gioi-thieu<\/loc>[^\n]*<xhtml:link rel="alternate" hreflang="en" href="[^"]*\/en\/about"\/>/);
    expect(sitemap).toMatch(/<loc>[^<]*\/en\/about<\/loc>[^\n]*<xhtml:link rel="alternate" hreflang="vi" href="[^"]*\/gioi-thieu"\/>/);
  });
});
