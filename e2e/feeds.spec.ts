import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { E2E_PORT } from "./env";
import { deletePostsBySlug, runImporter, writeExports } from "./fixtures/import-cli";
import { samples } from "./fixtures/samples";

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$/;
const articles = [samples.conference2020, samples.midyear2017, samples.emulation2020];

type FeedItem = { title: string; link: string; guid: { "#text": string; "@_isPermaLink": string }; pubDate: string; description: string; category: string };

// Items and urls are always arrays, even when a document has just one.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => ["item", "url", "sitemap"].includes(name),
});

async function getXml(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const text = await response.text();
  expect(XMLValidator.validate(text), url).toBe(true);
  return { response, doc: parser.parse(text) };
}

async function feedItems(request: APIRequestContext, url: string): Promise<FeedItem[]> {
  const { doc } = await getXml(request, url);
  return doc.rss.channel.item ?? [];
}

const meta = (page: Page, attribute: "name" | "property", key: string) => page.locator(`meta[${attribute}="${key}"]`);

test.describe("RSS feeds", () => {
  test("/rss.xml is valid RSS 2.0 with the sample posts, absolute links and RFC 822 dates", async ({ request }) => {
    const { response, doc } = await getXml(request, "/rss.xml");
    expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const channel = doc.rss.channel;
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(channel.language).toBe("vi");
    expect(channel["atom:link"]).toMatchObject({ "@_href": `${ORIGIN}/rss.xml`, "@_rel": "self" });
    expect(channel.lastBuildDate).toMatch(RFC_822);

    const items: FeedItem[] = channel.item;
    for (const sample of articles) {
      const item = items.find((i) => i.title === sample.title);
      expect(item, sample.title).toBeDefined();
      expect(item!.link).toBe(`${ORIGIN}/tin-tuc/${sample.slug}`);
      expect(item!.guid).toEqual({ "#text": `${ORIGIN}/tin-tuc/${sample.slug}`, "@_isPermaLink": "true" });
      expect(item!.pubDate).toMatch(RFC_822);
      expect(item!.description.length).toBeGreaterThan(20);
    }
    const conference = items.find((i) => i.title === samples.conference2020.title)!;
    expect(conference.pubDate).toBe("Thu, 31 Dec 2020 17:12:00 +0700");
    expect(conference.category).toBe(samples.categories.party.name);
    // Newest first.
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  test("a category feed holds that category's posts only; an unknown category is a 404", async ({ request }) => {
    const { response, doc } = await getXml(request, `/chuyen-muc/${samples.categories.emulation.slug}/rss.xml`);
    expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(doc.rss.channel["atom:link"]["@_href"]).toBe(`${ORIGIN}/chuyen-muc/${samples.categories.emulation.slug}/rss.xml`);
    const items: FeedItem[] = doc.rss.channel.item;
    expect(items.map((i) => i.title)).toContain(samples.emulation2020.title);
    expect(items.map((i) => i.title)).not.toContain(samples.conference2020.title);
    expect(items.every((i) => i.category === samples.categories.emulation.name)).toBe(true);
    expect(items.find((i) => i.title === samples.emulation2020.title)!.pubDate).toBe("Fri, 19 Jun 2020 11:39:00 +0700");

    expect((await request.get("/chuyen-muc/khong-co-chuyen-muc-nay/rss.xml")).status()).toBe(404);
    expect((await request.get("/chuyen-muc/KHONG_HOP_LE/rss.xml")).status()).toBe(404);
  });

  test("feeds and the sitemap are served from the cache", async ({ request }) => {
    for (const url of ["/rss.xml", `/chuyen-muc/${samples.categories.party.slug}/rss.xml`, "/sitemap.xml"]) {
      // Other tests import posts meanwhile, which rightly refreshes these: retry until two requests meet the same entry.
      await expect(async () => {
        await request.get(url);
        expect((await request.get(url)).headers()["x-cache"], url).toBe("HIT");
      }).toPass({ timeout: 10_000 });
    }
  });

  test("an imported post appears in the feeds at once and leaves them when deleted", async ({ request }) => {
    const stamp = Date.now().toString(36);
    const title = `Tin kiểm thử nguồn cấp & "RSS" ${stamp}`;
    const slug = `tin-kiem-thu-nguon-cap-rss-${stamp}`;
    const text = [
      "Th 2, 04/01/2021 | 08:30 SA",
      "",
      "Xem với cỡ chữ Đọc bài viết Tương phản",
      "",
      title,
      "",
      "Sapo của tin kiểm thử <nguồn cấp> có đủ dấu tiếng Việt.",
      "",
      "Nội dung tin kiểm thử.",
      "",
      "Văn phòng Cục",
    ].join("\n");
    const { paths, dir } = writeExports({ "rss.txt": text });
    const categoryFeed = `/chuyen-muc/${samples.categories.emulation.slug}/rss.xml`;
    try {
      // Both feeds are cached before the import, so this also proves that the import refreshes them.
      expect((await feedItems(request, "/rss.xml")).map((i) => i.title)).not.toContain(title);
      expect((await feedItems(request, categoryFeed)).map((i) => i.title)).not.toContain(title);

      const result = await runImporter(["--category", samples.categories.emulation.name, ...paths]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`/tin-tuc/${slug}`);

      await expect(async () => {
        const item = (await feedItems(request, "/rss.xml")).find((i) => i.title === title);
        expect(item).toBeDefined();
        expect(item!.link).toBe(`${ORIGIN}/tin-tuc/${slug}`);
        expect(item!.pubDate).toBe("Mon, 04 Jan 2021 08:30:00 +0700");
        expect(item!.description).toBe("Sapo của tin kiểm thử <nguồn cấp> có đủ dấu tiếng Việt.");
      }).toPass({ timeout: 10_000 });
      await expect(async () => {
        expect((await feedItems(request, categoryFeed)).map((i) => i.title)).toContain(title);
      }).toPass({ timeout: 10_000 });
      await expect(async () => {
        const { doc } = await getXml(request, "/sitemap.xml");
        expect(doc.urlset.url.map((u: { loc: string }) => u.loc)).toContain(`${ORIGIN}/tin-tuc/${slug}`);
      }).toPass({ timeout: 10_000 });
    } finally {
      deletePostsBySlug([slug]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await expect(async () => {
      expect((await feedItems(request, "/rss.xml")).map((i) => i.title)).not.toContain(title);
      expect((await feedItems(request, categoryFeed)).map((i) => i.title)).not.toContain(title);
    }).toPass({ timeout: 10_000 });
  });
});

test.describe("sitemap and robots", () => {
  test("/sitemap.xml lists the home page, the categories and the sample articles with lastmod", async ({ request }) => {
    const { response, doc } = await getXml(request, "/sitemap.xml");
    expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    expect(doc.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const urls: { loc: string; lastmod?: string }[] = doc.urlset.url;
    const byLoc = new Map(urls.map((u) => [u.loc, u]));
    expect(byLoc.has(`${ORIGIN}/`)).toBe(true);
    for (const category of Object.values(samples.categories)) expect(byLoc.has(`${ORIGIN}/chuyen-muc/${category.slug}`), category.slug).toBe(true);
    for (const sample of articles) {
      const url = byLoc.get(`${ORIGIN}/tin-tuc/${sample.slug}`);
      expect(url, sample.slug).toBeDefined();
      expect(url!.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    }
    expect(urls.every((u) => u.loc.startsWith(`${ORIGIN}/`))).toBe(true);
    // One file is enough for this site, so there are no child sitemaps.
    expect((await request.get("/sitemap/1.xml")).status()).toBe(404);
  });

  test("/robots.txt keeps crawlers out of /admin and names the sitemap", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^User-Agent: \*$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    for (const path of ["/admin", "/login", "/api/", "/tim-kiem"]) expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});

test.describe("sharing metadata", () => {
  test("an article has its canonical URL, OpenGraph and Twitter tags and a NewsArticle", async ({ page }) => {
    const url = `${ORIGIN}/tin-tuc/${samples.conference2020.slug}`;
    await page.goto(`/tin-tuc/${samples.conference2020.slug}`);
    const lead = (await page.locator(".lead").textContent())!.trim();

    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
    await expect(meta(page, "property", "og:title")).toHaveAttribute("content", samples.conference2020.title);
    await expect(meta(page, "property", "og:description")).toHaveAttribute("content", lead);
    await expect(meta(page, "property", "og:type")).toHaveAttribute("content", "article");
    await expect(meta(page, "property", "og:url")).toHaveAttribute("content", url);
    await expect(meta(page, "property", "og:locale")).toHaveAttribute("content", "vi_VN");
    await expect(meta(page, "property", "og:site_name")).toHaveAttribute("content", /\S/);
    await expect(meta(page, "property", "article:published_time")).toHaveAttribute("content", "2020-12-31T17:12:00+07:00");
    await expect(meta(page, "property", "article:modified_time")).toHaveAttribute("content", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    await expect(meta(page, "property", "article:section")).toHaveAttribute("content", samples.categories.party.name);
    const hasImage = (await meta(page, "property", "og:image").count()) > 0;
    await expect(meta(page, "name", "twitter:card")).toHaveAttribute("content", hasImage ? "summary_large_image" : "summary");
    await expect(meta(page, "name", "twitter:title")).toHaveAttribute("content", samples.conference2020.title);

    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const data = scripts.map((s) => JSON.parse(s)).find((d) => d["@type"] === "NewsArticle");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      headline: samples.conference2020.title,
      description: lead,
      datePublished: "2020-12-31T17:12:00+07:00",
      articleSection: samples.categories.party.name,
      inLanguage: "vi",
      mainEntityOfPage: { "@id": url },
      publisher: { "@type": "Organization", name: await meta(page, "property", "og:site_name").getAttribute("content") },
    });
    expect(data.dateModified).toMatch(/\+07:00$/);
  });

  test("home, category and article pages link to the feeds", async ({ page }) => {
    const feeds = () => page.locator('link[rel="alternate"][type="application/rss+xml"]');
    await page.goto("/");
    await expect(feeds()).toHaveCount(1);
    await expect(feeds()).toHaveAttribute("href", `${ORIGIN}/rss.xml`);
    await expect(feeds()).toHaveAttribute("title", /\S/);

    const categoryFeed = `${ORIGIN}/chuyen-muc/${samples.categories.party.slug}/rss.xml`;
    for (const url of [`/chuyen-muc/${samples.categories.party.slug}`, `/tin-tuc/${samples.conference2020.slug}`]) {
      await page.goto(url);
      const hrefs = await feeds().evaluateAll((links) => links.map((l) => l.getAttribute("href")));
      expect(hrefs, url).toEqual([`${ORIGIN}/rss.xml`, categoryFeed]);
    }
  });
});

test.describe("print and share", () => {
  const article = `/tin-tuc/${samples.conference2020.slug}`;
  const articleUrl = `${ORIGIN}${article}`;
  const tools = (page: Page) => page.getByRole("group", { name: "In và chia sẻ" });

  test("the print button prints, the share links open the networks in a new tab, and the link can be copied", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ORIGIN });
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.goto(article);
    await expect(tools(page)).toHaveAttribute("data-ready", "true");

    const facebook = tools(page).getByRole("link", { name: "Chia sẻ lên Facebook" });
    await expect(facebook).toHaveAttribute("href", `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(articleUrl)}`);
    const zalo = tools(page).getByRole("link", { name: "Chia sẻ qua Zalo" });
    await expect(zalo).toHaveAttribute("href", `https://zalo.me/share?url=${encodeURIComponent(articleUrl)}`);
    for (const link of [facebook, zalo]) {
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }

    await tools(page).getByRole("button", { name: "In bài viết" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await tools(page).getByRole("button", { name: "Sao chép liên kết" }).click();
    await expect(tools(page).getByRole("status")).toHaveText("Đã sao chép liên kết");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(articleUrl);
  });

  test("without JavaScript the share links stay and the print and copy buttons are hidden", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(article);
    await expect(tools(page).getByRole("link", { name: "Chia sẻ lên Facebook" })).toBeVisible();
    await expect(tools(page).getByRole("link", { name: "Chia sẻ qua Zalo" })).toBeVisible();
    await expect(page.getByText("In bài viết", { exact: true })).toBeHidden();
    await expect(page.getByText("Sao chép liên kết", { exact: true })).toBeHidden();
    await context.close();
  });

  test("on paper: no header, toolbar, navigation or share tools, and the article's address is printed", async ({ page }) => {
    await page.goto(article);
    await expect(tools(page)).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header").first()).toBeHidden();
    await expect(page.locator(".reader-toolbar")).toBeHidden();
    await expect(page.locator(".share-tools")).toBeHidden();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".print-url")).toBeVisible();
    await expect(page.locator(".print-url")).toContainText(articleUrl);
  });
});
