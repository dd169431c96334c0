/**
 * Where the header's language switcher goes from a public address: the published translation of
 * the article or page shown there, the same category on the other site when it has a name there,
 * else the other site's home page. Read while the layout renders (it knows the address, not the
 * page's content), tagged like the page's own reads, so a translation published or withdrawn
 * refreshes the pages that link to it.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { posts, type Language } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { getDb, type Db } from "@/lib/dal/connection";
import { categoryHref, languageOfPath, otherLanguage, ROUTES } from "@/lib/i18n/routes";
import { isSlugLike } from "@/lib/routing/page-param";
import { newsIn, pagesIn, publicIn } from "./constraint";
import { readCategories } from "./posts";
import { readTranslations } from "./translations";

function contentTranslation(db: Db, kind: "post" | "page", slug: string, language: Language, now: Date): string | undefined {
  const row = db
    .select({ id: posts.id, kind: posts.kind, language: posts.language, slug: posts.slug, translationGroupId: posts.translationGroupId })
    .from(posts)
    .where(and(publicIn(kind === "post" ? newsIn(language) : pagesIn(language), now), eq(posts.slug, slug)))
    .get();
  return row ? readTranslations(db, row, now)[otherLanguage(language)] : undefined;
}

function categoryTranslation(db: Db, slug: string, language: Language): string | undefined {
  const here = readCategories(db, language).find((category) => category.slug === slug);
  const there = here && readCategories(db, otherLanguage(language)).find((category) => category.id === here.id);
  return there ? categoryHref(there.slug, otherLanguage(language)) : undefined;
}

/** The switcher's address from `pathname` (as requested). */
export function languageSwitchHref(db: Db, pathname: string, now: Date = new Date()): string {
  const language = languageOfPath(pathname);
  const other = otherLanguage(language);
  const routes = ROUTES[language];
  const rest = pathname.slice(routes.prefix.length).split("/").filter(Boolean);
  let found: string | undefined;
  if (rest.length === 2 && rest[0] === routes.newsSegment && isSlugLike(rest[1]!)) {
    tagPage(cacheTags.article(rest[1]!));
    found = contentTranslation(db, "post", rest[1]!, language, now);
  } else if (rest.length >= 2 && rest[0] === routes.categorySegment && isSlugLike(rest[1]!)) {
    found = categoryTranslation(db, rest[1]!, language);
  } else if (rest.length > 0 && rest.every(isSlugLike) && rest[0] !== routes.pageSegment) {
    // Pages change `public`, which every page carries: no tag of its own is needed.
    found = contentTranslation(db, "page", rest.join("/"), language, now);
  }
  return found ?? ROUTES[other].home;
}

export const getLanguageSwitchHref = (pathname: string) => languageSwitchHref(getDb(), pathname);
