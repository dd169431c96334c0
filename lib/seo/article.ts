import type { Metadata } from "next";
import type { Article } from "@/lib/dal/public/posts";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { KINDS } from "@/lib/content/kinds";
import { wordsFor } from "@/lib/i18n/dictionary";
import { OG_LOCALE } from "@/lib/i18n/routes";
import { site } from "@/lib/site";
import { languageAlternates } from "@/lib/i18n/alternates";
import { toVietnamIso } from "@/lib/vi/date-line";

/*
 * What search engines and social networks read from an article page: canonical URL, OpenGraph,
 * Twitter card and schema.org NewsArticle. Image dimensions are not stored yet, so none are
 * claimed: a wrong width/height is worse for the card than none.
 */

export type ArticleForSharing = Pick<
  Article,
  "title" | "slug" | "lead" | "publishedAt" | "updatedAt" | "category" | "image" | "language" | "translations"
>;

export const articlePath = (slug: string, language: Article["language"] = "vi") => KINDS.post.href(slug, language ?? "vi");

function absolute(url: string, origin: string): string {
  return new URL(url, `${origin}/`).href;
}

/** The later of publication and last edit (a scheduled post is last edited before it goes live). */
function modifiedAt(article: ArticleForSharing): Date {
  const published = new Date(article.publishedAt);
  const updated = new Date(article.updatedAt);
  return updated > published ? updated : published;
}

function description(article: ArticleForSharing, siteName: string): string {
  return article.lead || wordsFor(article.language ?? "vi").site.description(siteName);
}

/** `siteName`: the agency's name from the site settings (the start-time name when not given). */
export function articleMetadata(article: ArticleForSharing, origin: string, siteName: string = site.name): Metadata {
  const language = article.language ?? "vi";
  const url = absolute(articlePath(article.slug, language), origin);
  const image = article.image ? { url: absolute(article.image.src, origin), alt: article.image.alt || article.title } : null;
  return {
    title: article.title,
    description: description(article, siteName),
    alternates: { canonical: url, languages: languageAlternates(article.translations), types: feedAlternateTypes(article.category ?? undefined, siteName, language) },
    openGraph: {
      type: "article",
      title: article.title,
      description: description(article, siteName),
      url,
      siteName,
      locale: OG_LOCALE[language],
      images: image ? [image] : undefined,
      publishedTime: toVietnamIso(new Date(article.publishedAt)),
      modifiedTime: toVietnamIso(modifiedAt(article)),
      section: article.category?.name,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: article.title,
      description: description(article, siteName),
      images: image ? [image] : undefined,
    },
  };
}

export function newsArticleJsonLd(article: ArticleForSharing, origin: string, siteName: string = site.name): Record<string, unknown> {
  const url = absolute(articlePath(article.slug, article.language), origin);
  const organization = { "@type": "Organization", name: siteName, url: `${origin}/` };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: description(article, siteName),
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: toVietnamIso(new Date(article.publishedAt)),
    dateModified: toVietnamIso(modifiedAt(article)),
    ...(article.image ? { image: [absolute(article.image.src, origin)] } : {}),
    author: organization,
    publisher: organization,
    ...(article.category ? { articleSection: article.category.name } : {}),
    inLanguage: article.language ?? "vi",
  };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is escaped so stored text can never
 * close the script element, and U+2028/U+2029 so the text is also a valid JavaScript string.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
