import "server-only";
import { getCategories, type CategoryDto } from "@/lib/dal/public/posts";
import { getFeedPosts, getSitemapOverview, getSitemapPosts, type FeedPost, type SitemapOverview } from "@/lib/dal/public/feeds";
import { getSitemapPages } from "@/lib/dal/public/pages";
import { getLatestDocuments, getSitemapDocuments } from "@/lib/dal/documents";
import { getSiteProfile } from "@/lib/dal/public/site";
import type { Language } from "@/db/vocabulary";
import { KINDS } from "@/lib/content/kinds";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryFeedHref, categoryHref, ROUTES } from "@/lib/i18n/routes";
import { siteUrl } from "@/lib/site";
import { toVietnamIso } from "@/lib/vi/date-line";
import { buildRss } from "./rss";
import {
  buildSitemapIndex,
  buildUrlset,
  planSitemap,
  sitemapFilePath,
  sitemapFileRange,
  splitRange,
  type SitemapUrl,
} from "./sitemap";

/** The XML documents behind the feed and sitemap routes: DAL reads in, builder strings out. */

export const articleUrl = (slug: string, language: Language = "vi") => `${siteUrl()}${KINDS.post.href(slug, language)}`;
export const categoryUrl = (slug: string, language: Language = "vi") => `${siteUrl()}${categoryHref(slug, language)}`;

function newestChange(items: FeedPost[]): Date | undefined {
  const newest = items.reduce<string | null>((acc, item) => (acc === null || item.lastModified > acc ? item.lastModified : acc), null);
  return newest ? new Date(newest) : undefined;
}

function rssFor(items: FeedPost[], channel: { title: string; link: string; description: string; selfPath: string; language: Language }): string {
  return buildRss({
    language: channel.language,
    title: channel.title,
    link: channel.link,
    description: channel.description,
    selfUrl: `${siteUrl()}${channel.selfPath}`,
    // Newest edit rather than the render time: the same content always gives the same document.
    lastBuildDate: newestChange(items),
    items: items.map((post) => ({
      title: post.title,
      link: articleUrl(post.slug, channel.language),
      guid: articleUrl(post.slug, channel.language),
      pubDate: new Date(post.publishedAt),
      description: post.lead,
      category: post.category?.name,
    })),
  });
}

/** `/rss.xml`, `/en/rss.xml`: the latest news of one language's site. */
export async function siteFeedXml(language: Language = "vi"): Promise<string> {
  const name = getSiteProfile(language).name;
  return rssFor(await getFeedPosts(null, language), {
    language,
    title: name,
    link: `${siteUrl()}${language === "vi" ? "/" : ROUTES[language].home}`,
    description: wordsFor(language).site.description(name),
    selfPath: ROUTES[language].feed,
  });
}

export async function categoryFeedXml(category: CategoryDto, language: Language = "vi"): Promise<string> {
  const name = getSiteProfile(language).name;
  return rssFor(await getFeedPosts(category.id, language), {
    language,
    title: `${category.name} – ${name}`,
    link: categoryUrl(category.slug, language),
    description: category.description || wordsFor(language).feeds.categoryDescription(category.name, name),
    selfPath: categoryFeedHref(category.slug, language),
  });
}

/** `/van-ban/rss.xml`: the documents newest on the site first (an imported list, by its dates of issue). */
export async function documentsFeedXml(): Promise<string> {
  const items = await getLatestDocuments(FEED_DOCUMENTS);
  return buildRss({
    title: `Văn bản – ${getSiteProfile().name}`,
    link: `${siteUrl()}/van-ban`,
    description: `Văn bản mới đăng trên ${getSiteProfile().name}.`,
    selfUrl: `${siteUrl()}/van-ban/rss.xml`,
    lastBuildDate: items.length > 0 ? new Date(items.reduce((a, i) => (i.updatedAt > a ? i.updatedAt : a), items[0]!.updatedAt)) : undefined,
    items: items.map((d) => ({ title: `${d.number}: ${d.title}`, link: `${siteUrl()}${d.href}`, guid: `${siteUrl()}${d.href}`, pubDate: new Date(d.publishedAt), description: `${d.issuer}. ${d.title}` })),
  });
}

const FEED_DOCUMENTS = 50;

const lastmod = (iso: string | null) => (iso ? toVietnamIso(new Date(iso)) : undefined);

/** Home, category and standing pages of both sites, which come first in the ordered URL list. */
/** Site-relative addresses of a page's versions made absolute, for its `xhtml:link` alternates. */
const absolute = (translations: Partial<Record<Language, string>> | undefined) =>
  translations && Object.fromEntries(Object.entries(translations).map(([language, path]) => [language, `${siteUrl()}${path}`]));

async function fixedUrls(overview: SitemapOverview): Promise<SitemapUrl[]> {
  const all = await getCategories();
  const english = getCategories("en");
  const changed = new Map(overview.categories.map((c) => [c.slug, c.lastModified]));
  const homes = absolute({ vi: ROUTES.vi.home, en: ROUTES.en.home });
  // A category with an English name is one category on both sites.
  const categoryPair = (id: number) => {
    const vi = all.find((c) => c.id === id);
    const en = english.find((c) => c.id === id);
    return vi && en ? { vi: categoryUrl(vi.slug), en: categoryUrl(en.slug, "en") } : undefined;
  };
  const pages = (language: Language) =>
    getSitemapPages(language).map((page) => ({ loc: `${siteUrl()}${page.path}`, lastmod: lastmod(page.lastModified), translations: absolute(page.translations) }));
  return [
    { loc: `${siteUrl()}/`, lastmod: lastmod(overview.lastModified), translations: homes },
    ...all.map((category) => ({ loc: categoryUrl(category.slug), lastmod: lastmod(changed.get(category.slug) ?? null), translations: categoryPair(category.id) })),
    ...pages("vi"),
    { loc: `${siteUrl()}${ROUTES.en.home}`, translations: homes },
    ...english.map((category) => ({ loc: categoryUrl(category.slug, "en"), translations: categoryPair(category.id) })),
    ...pages("en"),
    { loc: `${siteUrl()}/van-ban` },
    ...getSitemapDocuments().map((document) => ({ loc: `${siteUrl()}${document.href}`, lastmod: lastmod(document.lastModified) })),
  ];
}

async function urlsetFor(range: { start: number; end: number }, fixed: SitemapUrl[]): Promise<string> {
  const parts = splitRange(range, fixed.length);
  const posts = parts.posts.limit > 0 ? await getSitemapPosts(parts.posts.offset, parts.posts.limit) : [];
  return buildUrlset([
    ...fixed.slice(parts.fixed.start, parts.fixed.end),
    ...posts.map((post) => ({ loc: articleUrl(post.slug, post.language), lastmod: lastmod(post.lastModified), translations: absolute(post.translations) })),
  ]);
}

/** `/sitemap.xml`: every URL when they fit in one file, otherwise the index of the child files. */
export async function sitemapXml(): Promise<string> {
  const overview = await getSitemapOverview();
  const fixed = await fixedUrls(overview);
  const total = fixed.length + overview.postCount;
  const plan = planSitemap(total);
  if (plan.kind === "single") return urlsetFor({ start: 0, end: total }, fixed);
  return buildSitemapIndex(Array.from({ length: plan.files }, (_, i) => ({ loc: `${siteUrl()}${sitemapFilePath(i + 1)}` })));
}

/** `/sitemap/<file>.xml`, or null when the sitemap has no such file (including when it is a single file). */
export async function sitemapFileXml(file: number): Promise<string | null> {
  const overview = await getSitemapOverview();
  const fixed = await fixedUrls(overview);
  const range = sitemapFileRange(file, fixed.length + overview.postCount);
  return range ? urlsetFor(range, fixed) : null;
}
