import type { Language } from "@/db/vocabulary";
import { getCategoryLookup } from "@/lib/dal/public/posts";
import { categoryFeedXml } from "@/lib/feeds/documents";
import { RSS_CONTENT_TYPE } from "@/lib/feeds/rss";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryFeedHref } from "@/lib/i18n/routes";
import { isSlugLike } from "@/lib/routing/page-param";

/** A category's RSS feed on one site (the route handlers of `…/rss.xml` are this with their language). */
export async function categoryFeedResponse(slug: string, language: Language): Promise<Response> {
  const found = isSlugLike(slug) ? await getCategoryLookup(slug, language) : ({ kind: "missing" } as const);
  if (found.kind === "redirect") {
    // Feed readers subscribed to a renamed category's old address move to the new one for good.
    return new Response(null, { status: 308, headers: { Location: categoryFeedHref(found.slug, language) } });
  }
  if (found.kind === "missing") {
    return new Response(`${wordsFor(language).category.notFound}.`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(await categoryFeedXml(found.category, language), { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}
