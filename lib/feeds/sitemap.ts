import type { Language } from "@/db/vocabulary";
import { languageAlternates } from "@/lib/i18n/alternates";
import { escapeXml, XML_DECLARATION } from "./xml";

/*
 * Sitemaps protocol (https://www.sitemaps.org/protocol.html): one file holds at most 50,000 URLs.
 * The site's URLs are one ordered list (home, categories, then posts by id); past the limit,
 * /sitemap.xml becomes an index of /sitemap/1.xml, /sitemap/2.xml, … each holding one slice of it.
 */

export const SITEMAP_MAX_URLS = 50_000;

export type SitemapUrl = {
  loc: string;
  /** W3C datetime with offset, e.g. `2020-12-31T17:12:00+07:00`. */
  lastmod?: string;
  /** The absolute address of each language's version (this one's included), when it has a translation. */
  translations?: Partial<Record<Language, string>>;
};

export type SitemapPlan = { kind: "single" } | { kind: "index"; files: number };

/** A half-open range [start, end) of the ordered URL list. */
export type UrlRange = { start: number; end: number };

export function planSitemap(totalUrls: number, maxUrls = SITEMAP_MAX_URLS): SitemapPlan {
  if (totalUrls <= maxUrls) return { kind: "single" };
  return { kind: "index", files: Math.ceil(totalUrls / maxUrls) };
}

/** The slice that child sitemap `file` (1-based) holds, or null when the plan has no such file. */
export function sitemapFileRange(file: number, totalUrls: number, maxUrls = SITEMAP_MAX_URLS): UrlRange | null {
  const plan = planSitemap(totalUrls, maxUrls);
  if (plan.kind !== "index" || !Number.isInteger(file) || file < 1 || file > plan.files) return null;
  const start = (file - 1) * maxUrls;
  return { start, end: Math.min(totalUrls, start + maxUrls) };
}

/**
 * Splits a range of the ordered list into its two sources: the fixed pages (home and categories,
 * `fixedCount` of them, first) and the posts, as an offset and limit into the posts ordered by id.
 */
export function splitRange(range: UrlRange, fixedCount: number): { fixed: UrlRange; posts: { offset: number; limit: number } } {
  const fixed = { start: Math.min(range.start, fixedCount), end: Math.min(range.end, fixedCount) };
  const offset = Math.max(0, range.start - fixedCount);
  const limit = Math.max(0, range.end - Math.max(range.start, fixedCount));
  return { fixed, posts: { offset, limit } };
}

/** `/sitemap/3.xml` → 3; anything else (`03.xml`, `0.xml`, `3`) → null. */
export function parseSitemapFileName(name: string): number | null {
  const match = /^([1-9]\d{0,5})\.xml$/.exec(name);
  return match ? Number(match[1]) : null;
}

export function sitemapFilePath(file: number): string {
  return `/sitemap/${file}.xml`;
}

/**
 * A translated page's versions as `xhtml:link` alternates, the same pairs its head declares
 * (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
 */
function alternates(url: SitemapUrl): string {
  const languages = languageAlternates(url.translations);
  if (!languages) return "";
  return Object.entries(languages)
    .map(([hreflang, href]) => `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href)}"/>`)
    .join("");
}

function entry(tag: "url" | "sitemap", url: SitemapUrl): string {
  const lastmod = url.lastmod ? `<lastmod>${escapeXml(url.lastmod)}</lastmod>` : "";
  return `  <${tag}><loc>${escapeXml(url.loc)}</loc>${lastmod}${alternates(url)}</${tag}>`;
}

export function buildUrlset(urls: SitemapUrl[]): string {
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls.map((url) => entry("url", url)),
    "</urlset>",
    "",
  ].join("\n");
}

export function buildSitemapIndex(sitemaps: SitemapUrl[]): string {
  return [
    XML_DECLARATION,
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((sitemap) => entry("sitemap", sitemap)),
    "</sitemapindex>",
    "",
  ].join("\n");
}

export const XML_CONTENT_TYPE = "application/xml; charset=utf-8";
