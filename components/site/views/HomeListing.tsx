import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Language } from "@/db/vocabulary";
import { PostList } from "@/components/posts/PostList";
import { getLatestPosts } from "@/lib/dal/public/posts";
import { wordsFor } from "@/lib/i18n/dictionary";
import { homeListingHref } from "@/lib/i18n/routes";
import { parsePageParam } from "@/lib/routing/page-param";

export const homeListingMetadata = (page: string, language: Language): Metadata => ({ title: wordsFor(language).home.listingPageTitle(page) });

/** The latest news' page 2, 3… of a site (page 1 is the home page: next.config.ts redirects it). */
export async function HomeListing({ rawPage, language }: { rawPage: string; language: Language }) {
  const page = parsePageParam(rawPage);
  if (page === null || page < 2) notFound();
  const result = await getLatestPosts(page, language);
  if (page > result.pageCount) notFound();
  const words = wordsFor(language);
  return (
    <>
      <h1 className="text-2xl font-bold">
        {words.home.listingTitle}
        {page > 1 && <span className="font-normal text-muted">{words.pageSuffix(page)}</span>}
      </h1>
      <PostList result={result} hrefFor={(p) => homeListingHref(language, p)} emptyText={words.home.empty} language={language} />
    </>
  );
}
