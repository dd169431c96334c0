import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import type { Language } from "@/db/vocabulary";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { PostList } from "@/components/posts/PostList";
import { getCategoryLookup, getCategoryPosts, type CategoryLookup } from "@/lib/dal/public/posts";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryHref, ROUTES } from "@/lib/i18n/routes";
import { isSlugLike, parsePageParam } from "@/lib/routing/page-param";

/** What a category address shows: the category, a redirect from an old slug (after a rename), or nothing. */
export async function lookupCategory(slug: string, language: Language): Promise<CategoryLookup> {
  return isSlugLike(slug) ? getCategoryLookup(slug, language) : { kind: "missing" };
}

/** A category page's title and feeds; `page` from the address (page 2 on), the first page without. */
export async function categoryMetadata(slug: string, language: Language, page?: string): Promise<Metadata> {
  const found = await lookupCategory(slug, language);
  const words = wordsFor(language);
  if (found.kind !== "category") return { title: words.category.notFound };
  const { category } = found;
  const types = feedAlternateTypes(category, getSiteProfile(language).name, language);
  if (page) return { title: `${category.name}${words.pageSuffix(page)}`, alternates: { types } };
  return { title: category.name, alternates: { canonical: categoryHref(category.slug, language), types } };
}

/** A category's listing, page `rawPage` (page 1 without it). */
export async function CategoryListing({ slug, rawPage, language }: { slug: string; rawPage?: string; language: Language }) {
  const page = rawPage === undefined ? 1 : parsePageParam(rawPage);
  // Page 1 is redirected to the category's own address by next.config.ts before it gets here.
  if (page === null || (rawPage !== undefined && page < 2)) notFound();
  const found = await lookupCategory(slug, language);
  // Old links (bookmarks, search engines) follow a renamed category, page number included.
  if (found.kind === "redirect") permanentRedirect(categoryHref(found.slug, language, page));
  if (found.kind === "missing") notFound();
  const { category } = found;
  const result = await getCategoryPosts(category.id, page, language);
  if (page > result.pageCount) notFound();
  const words = wordsFor(language);
  return (
    <>
      <Breadcrumb language={language} items={[{ label: words.breadcrumb.home, href: ROUTES[language].home }, { label: category.name }]} />
      <h1 className="mt-3 text-3xl font-bold">
        {category.name}
        {page > 1 && <span className="text-xl font-normal text-muted">{words.pageSuffix(page)}</span>}
      </h1>
      {category.description && <p className="mt-2 text-muted">{category.description}</p>}
      <PostList result={result} hrefFor={(p) => categoryHref(category.slug, language, p)} emptyText={words.category.empty} language={language} />
    </>
  );
}
