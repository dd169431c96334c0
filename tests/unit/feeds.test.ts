import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildRss, toRfc822, type RssItem } from "@/lib/feeds/rss";
import { ROBOTS_DISALLOW, robotsRules } from "@/lib/feeds/robots";
import {
  buildSitemapIndex,
  buildUrlset,
  parseSitemapFileName,
  planSitemap,
  SITEMAP_MAX_URLS,
  sitemapFileRange,
  splitRange,
} from "@/lib/feeds/sitemap";
import { escapeXml } from "@/lib/feeds/xml";
import { articleMetadata, newsArticleJsonLd, serializeJsonLd, type ArticleForSharing } from "@/lib/seo/article";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const item = (over: Partial<RssItem> = {}): RssItem => ({
  title: "Hội nghị tổng kết",
  link: "https://example.vn/tin-tuc/hoi-nghi",
  guid: "https://example.vn/tin-tuc/hoi-nghi",
  pubDate: new Date("2020-12-31T10:12:00Z"),
  description: "Sapo của bài.",
  category: "Hoạt động Đảng, đoàn thể",
  ...over,
});

const channel = { title: "Cục Sở hữu trí tuệ", link: "https://example.vn/", description: "Tin tức", selfUrl: "https://example.vn/rss.xml" };

describe("toRfc822", () => {
  it("writes Vietnam time with the +0700 offset", () => {
    expect(toRfc822(new Date("2020-12-31T10:12:00Z"))).toBe("Thu, 31 Dec 2020 17:12:00 +0700");
    expect(toRfc822(new Date("2017-08-16T11:52:00Z"))).toBe("Wed, 16 Aug 2017 18:52:00 +0700");
  });

  it("moves to the next day (and year) when the UTC instant is already tomorrow in Vietnam", () => {
    expect(toRfc822(new Date("2020-12-31T17:30:05Z"))).toBe("Fri, 01 Jan 2021 00:30:05 +0700");
    expect(toRfc822(new Date("2024-02-28T20:00:00Z"))).toBe("Thu, 29 Feb 2024 03:00:00 +0700");
  });

  it("pads single-digit days and times", () => {
    expect(toRfc822(new Date("2021-03-04T00:01:02Z"))).toBe("Thu, 04 Mar 2021 07:01:02 +0700");
  });

  it("refuses an invalid date rather than printing NaN", () => {
    expect(() => toRfc822(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
  });

  it("drops control characters that XML 1.0 forbids, keeps tabs and newlines", () => {
    expect(escapeXml("a\u0000b\u0008c\td\ne")).toBe("abc\td\ne");
  });
});

describe("buildRss", () => {
  it("is valid RSS 2.0 with a self link, language vi and RFC 822 dates", () => {
    const xml = buildRss({ ...channel, items: [item()] });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const doc = parse(xml);
    expect(doc.rss["@_version"]).toBe("2.0");
    const ch = doc.rss.channel;
    expect(ch.language).toBe("vi");
    expect(ch["atom:link"]).toMatchObject({ "@_href": "https://example.vn/rss.xml", "@_rel": "self", "@_type": "application/rss+xml" });
    expect(ch.lastBuildDate).toBe("Thu, 31 Dec 2020 17:12:00 +0700");
    expect(ch.item.pubDate).toBe("Thu, 31 Dec 2020 17:12:00 +0700");
    expect(ch.item.guid).toEqual({ "#text": "https://example.vn/tin-tuc/hoi-nghi", "@_isPermaLink": "true" });
    expect(ch.item.category).toBe("Hoạt động Đảng, đoàn thể");
  });

  it("escapes & < > \" ' in every text and keeps Vietnamese text as it is", () => {
    const nasty = `Đảng bộ & "Cục" <SHTT> 'năm 2021' ]]>`;
    const xml = buildRss({
      ...channel,
      title: nasty,
      items: [item({ title: nasty, description: `<script>alert("x")</script> Thi đua – Khen thưởng`, link: "https://example.vn/a?x=1&y=2" })],
    });
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("<SHTT>");
    expect(xml).toContain("Đảng bộ &amp; &quot;Cục&quot; &lt;SHTT&gt; &apos;năm 2021&apos;");
    const ch = parse(xml).rss.channel;
    expect(ch.title).toBe(nasty);
    expect(ch.item.title).toBe(nasty);
    expect(ch.item.description).toBe(`<script>alert("x")</script> Thi đua – Khen thưởng`);
    expect(ch.item.link).toBe("https://example.vn/a?x=1&y=2");
  });

  it("lists items in the given order; lastBuildDate is the given date or the newest item", () => {
    const older = item({ title: "Cũ", pubDate: new Date("2017-08-16T11:52:00Z") });
    const newer = item({ title: "Mới", pubDate: new Date("2020-06-19T04:39:00Z") });
    const doc = parse(buildRss({ ...channel, items: [newer, older] }));
    expect(doc.rss.channel.item.map((i: { title: string }) => i.title)).toEqual(["Mới", "Cũ"]);
    expect(doc.rss.channel.lastBuildDate).toBe("Fri, 19 Jun 2020 11:39:00 +0700");
    const given = parse(buildRss({ ...channel, lastBuildDate: new Date("2021-01-02T03:04:05Z"), items: [older] }));
    expect(given.rss.channel.lastBuildDate).toBe("Sat, 02 Jan 2021 10:04:05 +0700");
  });

  it("is still a valid channel with no items", () => {
    const doc = parse(buildRss({ ...channel, items: [] }));
    expect(doc.rss.channel.title).toBe("Cục Sở hữu trí tuệ");
    expect(doc.rss.channel.item).toBeUndefined();
    expect(doc.rss.channel.lastBuildDate).toBeUndefined();
  });
});

describe("sitemap split", () => {
  it("keeps up to 50,000 URLs in one file", () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    expect(planSitemap(0)).toEqual({ kind: "single" });
    expect(planSitemap(49_999)).toEqual({ kind: "single" });
    expect(planSitemap(50_000)).toEqual({ kind: "single" });
    expect(sitemapFileRange(1, 50_000)).toBeNull(); // no child files when one file holds everything
  });

  it("becomes an index of 50,000-URL files past the limit", () => {
    expect(planSitemap(50_001)).toEqual({ kind: "index", files: 2 });
    expect(sitemapFileRange(1, 50_001)).toEqual({ start: 0, end: 50_000 });
    expect(sitemapFileRange(2, 50_001)).toEqual({ start: 50_000, end: 50_001 });
    expect(sitemapFileRange(3, 50_001)).toBeNull();

    expect(planSitemap(120_000)).toEqual({ kind: "index", files: 3 });
    expect(sitemapFileRange(3, 120_000)).toEqual({ start: 100_000, end: 120_000 });
    expect(sitemapFileRange(0, 120_000)).toBeNull();
    expect(sitemapFileRange(4, 120_000)).toBeNull();
    expect(sitemapFileRange(1.5, 120_000)).toBeNull();
    expect(planSitemap(150_000)).toEqual({ kind: "index", files: 3 });
  });

  it("every URL lands in exactly one file", () => {
    for (const total of [50_001, 99_999, 100_000, 100_001, 120_000]) {
      const plan = planSitemap(total);
      if (plan.kind !== "index") throw new Error("expected an index");
      let next = 0;
      for (let file = 1; file <= plan.files; file += 1) {
        const range = sitemapFileRange(file, total)!;
        expect(range.start).toBe(next);
        expect(range.end - range.start).toBeLessThanOrEqual(SITEMAP_MAX_URLS);
        next = range.end;
      }
      expect(next).toBe(total);
    }
  });

  it("splits a range into the fixed pages first, then posts by offset", () => {
    const fixed = 4; // home + 3 categories
    expect(splitRange({ start: 0, end: 50_000 }, fixed)).toEqual({ fixed: { start: 0, end: 4 }, posts: { offset: 0, limit: 49_996 } });
    expect(splitRange({ start: 50_000, end: 100_000 }, fixed)).toEqual({ fixed: { start: 4, end: 4 }, posts: { offset: 49_996, limit: 50_000 } });
    expect(splitRange({ start: 100_000, end: 120_000 }, fixed)).toEqual({ fixed: { start: 4, end: 4 }, posts: { offset: 99_996, limit: 20_000 } });
    expect(splitRange({ start: 0, end: 3 }, fixed)).toEqual({ fixed: { start: 0, end: 3 }, posts: { offset: 0, limit: 0 } });
  });

  it("reads child file names strictly", () => {
    expect(parseSitemapFileName("1.xml")).toBe(1);
    expect(parseSitemapFileName("12.xml")).toBe(12);
    for (const bad of ["0.xml", "01.xml", "1", "1.xml.gz", "a.xml", "-1.xml", "1.XML"]) expect(parseSitemapFileName(bad)).toBeNull();
  });
});

describe("sitemap documents", () => {
  it("writes a valid urlset with escaped locations and lastmod", () => {
    const xml = buildUrlset([
      { loc: "https://example.vn/", lastmod: "2020-12-31T17:12:00+07:00" },
      { loc: "https://example.vn/tim?a=1&b=2" },
    ]);
    expect(xml).toContain("<loc>https://example.vn/tim?a=1&amp;b=2</loc>");
    const doc = parse(xml);
    expect(doc.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(doc.urlset.url).toEqual([
      { loc: "https://example.vn/", lastmod: "2020-12-31T17:12:00+07:00" },
      { loc: "https://example.vn/tim?a=1&b=2" },
    ]);
  });

  it("writes a valid sitemap index", () => {
    const doc = parse(buildSitemapIndex([{ loc: "https://example.vn/sitemap/1.xml" }, { loc: "https://example.vn/sitemap/2.xml" }]));
    expect(doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      "https://example.vn/sitemap/1.xml",
      "https://example.vn/sitemap/2.xml",
    ]);
  });
});

describe("robots", () => {
  it("allows the public site, keeps crawlers out of staff pages, the API and search, and names the sitemap", () => {
    const robots = robotsRules("https://noip.gov.vn");
    expect(robots.sitemap).toBe("https://noip.gov.vn/sitemap.xml");
    const rules = Array.isArray(robots.rules) ? robots.rules : [robots.rules];
    expect(rules).toEqual([{ userAgent: "*", allow: "/", disallow: ["/admin", "/login", "/api/", "/tim-kiem"] }]);
    expect(ROBOTS_DISALLOW).toContain("/admin");
  });
});

describe("NewsArticle JSON-LD", () => {
  const article: ArticleForSharing = {
    title: "Hội nghị </script><script>alert(1)</script>",
    slug: "hoi-nghi",
    lead: "Sapo & tóm tắt",
    publishedAt: "2020-12-31T10:12:00.000Z",
    updatedAt: "2025-01-02T03:04:05.000Z",
    category: { name: "Hoạt động Đảng, đoàn thể", slug: "hoat-dong-dang-doan-the" },
    image: { src: "/media/anh.jpg", alt: "Toàn cảnh" },
  };

  it("has the dates with the +07:00 offset, absolute URLs and the section", () => {
    const data = newsArticleJsonLd(article, "https://noip.gov.vn");
    expect(data).toMatchObject({
      "@type": "NewsArticle",
      datePublished: "2020-12-31T17:12:00+07:00",
      dateModified: "2025-01-02T10:04:05+07:00",
      image: ["https://noip.gov.vn/media/anh.jpg"],
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://noip.gov.vn/tin-tuc/hoi-nghi" },
      articleSection: "Hoạt động Đảng, đoàn thể",
      inLanguage: "vi",
    });
  });

  it("never lets stored text close the script element", () => {
    const json = serializeJsonLd(newsArticleJsonLd(article, "https://noip.gov.vn"));
    expect(json).not.toContain("<");
    expect(json).not.toContain(">");
    expect(JSON.parse(json).headline).toBe(article.title);
  });

  it("the sharing card uses the large image card only with an image, and claims no dimensions it does not know", () => {
    const withImage = articleMetadata(article, "https://noip.gov.vn");
    expect(withImage.alternates?.canonical).toBe("https://noip.gov.vn/tin-tuc/hoi-nghi");
    expect(withImage.openGraph).toMatchObject({
      type: "article",
      locale: "vi_VN",
      url: "https://noip.gov.vn/tin-tuc/hoi-nghi",
      publishedTime: "2020-12-31T17:12:00+07:00",
      section: "Hoạt động Đảng, đoàn thể",
      images: [{ url: "https://noip.gov.vn/media/anh.jpg", alt: "Toàn cảnh" }],
    });
    expect(JSON.stringify(withImage.openGraph)).not.toMatch(/width|height/);
    expect(withImage.twitter).toMatchObject({ card: "summary_large_image" });
    const withoutImage = articleMetadata({ ...article, image: null }, "https://noip.gov.vn");
    expect(withoutImage.twitter).toMatchObject({ card: "summary" });
    expect(withoutImage.openGraph).not.toHaveProperty("images", expect.anything());
  });
});
