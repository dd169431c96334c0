import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/posts/Pagination";
import { SearchForm } from "@/components/search/SearchForm";
import { SearchResult } from "@/components/search/SearchResult";
import { getCategories } from "@/lib/dal/public/posts";
import { searchPublished } from "@/lib/dal/search";
import { readSearchForm, searchHref, type RawSearchParams } from "@/lib/search/params";
import { buildSearchQuery } from "@/lib/search/query";

/** The query as typed, in quotation marks unless the reader already quoted all of it. */
function quotedQuery(q: string): string {
  return /^["“„].*["”“]$/su.test(q) && q.length > 1 ? q : `“${q}”`;
}

type Props = { searchParams: Promise<RawSearchParams> };

async function readForm(searchParams: Promise<RawSearchParams>) {
  const categories = await getCategories();
  return { form: readSearchForm(await searchParams, categories.map((c) => c.slug)), categories };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { form } = await readForm(searchParams);
  // Result pages are endless variations of the listings: crawlers should follow them, not index them.
  return { title: form.q ? `Tìm kiếm: ${form.q}` : "Tìm kiếm", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const { form, categories } = await readForm(searchParams);
  const searchable = buildSearchQuery(form.q).match !== null;
  const result = searchable ? await searchPublished(form) : null;
  const filtered = Boolean(form.categorySlug || form.from || form.to);
  const categoryName = categories.find((c) => c.slug === form.categorySlug)?.name;

  return (
    <>
      <h1 className="text-3xl font-bold">Tìm kiếm</h1>
      <SearchForm values={form} categories={categories} />

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
            {form.q
              ? "Từ khoá cần có ít nhất một chữ hoặc số. Ví dụ: hội nghị tổng kết."
              : "Nhập từ khoá để tìm bài viết, ví dụ: hội nghị tổng kết."}
          </p>
        ) : result.total === 0 ? (
          <>
            <p id="search-summary" className="text-lg font-semibold">
              Không tìm thấy bài viết nào cho {quotedQuery(form.q)}{categoryName ? ` trong chuyên mục ${categoryName}` : ""}.
            </p>
            <p className="mt-3">Bạn có thể thử:</p>
            <ul className="mt-1 list-disc pl-6">
              {filtered && (
                <li>
                  <Link href={searchHref({ q: form.q })} className="underline underline-offset-4">
                    Tìm lại không dùng bộ lọc chuyên mục và ngày
                  </Link>
                </li>
              )}
              <li>Dùng từ khoá khác, ngắn hơn hoặc ít từ hơn.</li>
              <li>Bỏ dấu ngoặc kép để tìm từng từ thay vì cả cụm.</li>
              <li>Kiểm tra chính tả; gõ không dấu cũng được, ví dụ: hoi nghi.</li>
            </ul>
          </>
        ) : (
          <>
            <p id="search-summary" className="text-lg">
              Tìm thấy {result.totalIsLowerBound ? "hơn " : ""}{result.total.toLocaleString("vi-VN")} bài viết cho {quotedQuery(form.q)}
              {categoryName ? ` trong chuyên mục ${categoryName}` : ""}
              {result.pageCount > 1 ? ` (trang ${result.page}/${result.pageCount})` : ""}
            </p>
            <div>
              {result.items.map((item) => (
                <SearchResult key={item.id} item={item} />
              ))}
            </div>
            <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => searchHref(form, page)} />
          </>
        )}
      </div>
    </>
  );
}
