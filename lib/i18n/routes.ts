/**
 * The public addresses of each language's site, declared once: the Vietnamese site at the root
 * (`/tin-tuc/…`, `/chuyen-muc/…`), the English one under `/en` (`/en/news/…`, `/en/category/…`).
 * Pure: the pages, the data layer, the address resolver, the feeds and the tests read the same table.
 */
import type { Language } from "@/db/vocabulary";

export type SiteRoutes = {
  /** The site's home page, and where its addresses start ("" for the Vietnamese site). */
  home: string;
  prefix: string;
  /** First segments under the prefix. */
  newsSegment: string;
  categorySegment: string;
  /** The segment of a listing's page number (`/trang/2`, `/en/page/2`). */
  pageSegment: string;
  search: string;
  feed: string;
  /** The page every address of this site that does not exist is answered with (a 404). */
  notFound: string;
};

export const ROUTES: Readonly<Record<Language, SiteRoutes>> = {
  vi: { home: "/", prefix: "", newsSegment: "tin-tuc", categorySegment: "chuyen-muc", pageSegment: "trang", search: "/tim-kiem", feed: "/rss.xml", notFound: "/khong-tim-thay" },
  en: { home: "/en", prefix: "/en", newsSegment: "news", categorySegment: "category", pageSegment: "page", search: "/en/search", feed: "/en/rss.xml", notFound: "/en/not-found" },
};

/** The language whose site an address belongs to: `/en` and what is under it are English. */
export function languageOfPath(pathname: string): Language {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "vi";
}

export const newsHref = (slug: string, language: Language) => `${ROUTES[language].prefix}/${ROUTES[language].newsSegment}/${slug}`;
export const pageHref = (path: string, language: Language) => `${ROUTES[language].prefix}/${path}`;
export const categoryHref = (slug: string, language: Language, page = 1) =>
  `${ROUTES[language].prefix}/${ROUTES[language].categorySegment}/${slug}${page > 1 ? `/${ROUTES[language].pageSegment}/${page}` : ""}`;
export const categoryFeedHref = (slug: string, language: Language) => `${categoryHref(slug, language)}/rss.xml`;
/** The latest news' pages: the home page, then `/trang/2` (`/en/page/2`)… */
export const homeListingHref = (language: Language, page = 1) => (page > 1 ? `${ROUTES[language].prefix}/${ROUTES[language].pageSegment}/${page}` : ROUTES[language].home);

/** The other language of the two. */
export const otherLanguage = (language: Language): Language => (language === "vi" ? "en" : "vi");

/** `lang` attribute values and OpenGraph locales. */
export const HTML_LANG: Readonly<Record<Language, string>> = { vi: "vi", en: "en" };
export const OG_LOCALE: Readonly<Record<Language, string>> = { vi: "vi_VN", en: "en_US" };
