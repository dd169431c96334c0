import type { Metadata } from "next";
import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { Pagination } from "@/components/posts/Pagination";
import { SearchForm } from "@/components/search/SearchForm";
import { SearchResult } from "@/components/search/SearchResult";
import { getCategories } from "@/lib/dal/public/posts";
import { searchPublished } from "@/lib/dal/search";
import { wordsFor } from "@/lib/i18n/dictionary";
import { readSearchForm, searchHref, type RawSearchParams } from "@/lib/search/params";
import { buildSearchQuery } from "@/lib/search/query";

/** The query as typed, in quotation marks unless the reader already quoted all of it. */
function quotedQuery(q: string): string {
  return /^["“„].*["”“]$/su.test(q) && q.length > 1 ? q : `“${q}”`;
}

async function readForm(searchParams: Promise<RawSearchParams>, language: Language) {
  const categories = await getCategories(language);
  return { form: readSearchForm(await searchParams, categories.map((c) => c.slug), language), categories };
}

export async function searchMetadata(searchParams: Promise<RawSearchParams>, language: Language): Promise<Metadata> {
  const { form } = await readForm(searchParams, language);
  const words = wordsFor(language).search;
  // Result pages are endless variations of the listings: crawlers should follow them, not index them.
  return { title: form.q ? words.titleFor(form.q) : words.title, robots: { index: false, follow: true } };
}

/** A site's search: its own language's news and pages only (lib/dal/search). */
export async function SearchView({ searchParams, language }: { searchParams: Promise<RawSearchParams>; language: Language }) {
  const { form, categories } = await readForm(searchParams, language);
  const searchable = buildSearchQuery(form.q).match !== null;
  const result = searchable ? await searchPublished({ ...form, language }) : null;
  const filtered = Boolean(form.categorySlug || form.from || form.to);
  const categoryName = categories.find((c) => c.slug === form.categorySlug)?.name;
  const dictionary = wordsFor(language);
  const words = dictionary.search;
  const inCategory = categoryName ? words.inCategory(categoryName) : "";

  return (
    <>
      <h1 className="text-3xl font-bold">{words.title}</h1>
      <SearchForm values={form} categories={categories} language={language} />

      {form.problems.length > 0 && (
        <ul className="mt-4 rounded-md border border-line bg-surface px-3 py-2 text-ink">
          {form.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      <div className="mt-6">
        {!result ? (
          <p id="search-summary" className="text-lg">
            {form.q ? words.needsLetters : words.prompt}
          </p>
        ) : result.total === 0 ? (
          <>
            <p id="search-summary" className="text-lg font-semibold">
              {words.none(quotedQuery(form.q))}
              {inCategory}.
            </p>
            <p className="mt-3">{words.tryThese}</p>
            <ul className="mt-1 list-disc pl-6">
              {filtered && (
                <li>
                  <Link href={searchHref({ q: form.q }, 1, language)} className="underline underline-offset-4">
                    {words.withoutFilters}
                  </Link>
                </li>
              )}
              <li>{words.otherWords}</li>
              <li>{words.noQuotes}</li>
              <li>{words.spelling}</li>
            </ul>
          </>
        ) : (
          <>
            <p id="search-summary" className="text-lg">
              {words.found(dictionary.number(result.total), quotedQuery(form.q), Boolean(result.totalIsLowerBound))}
              {inCategory}
              {result.pageCount > 1 ? words.pageOf(result.page, result.pageCount) : ""}
            </p>
            <div>
              {result.items.map((item) => (
                <SearchResult key={item.id} item={item} language={language} />
              ))}
            </div>
            <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => searchHref(form, page, language)} language={language} />
          </>
        )}
      </div>
    </>
  );
}
