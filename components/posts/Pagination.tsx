import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";

/** Page links as real paths (`/trang/2`), so every page is a cacheable static URL. */
export function Pagination({ page, pageCount, hrefFor, language = "vi" }: { page: number; pageCount: number; hrefFor: (page: number) => string; language?: Language }) {
  if (pageCount <= 1) return null;
  const words = wordsFor(language).pagination;
  const pages = visiblePages(page, pageCount);
  const linkClass = "inline-flex min-h-11 min-w-11 items-center justify-center border border-line px-3 underline-offset-4 hover:underline";
  return (
    <nav aria-label={words.label} className="no-print mt-6">
      <ul className="flex flex-wrap gap-2">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
              {words.previous}
            </Link>
          </li>
        )}
        {pages.map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-2 py-2">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${linkClass} bg-ink font-bold text-page`}>
                  <span className="sr-only">{words.page}</span>
                  {p}
                </span>
              ) : (
                <Link href={hrefFor(p)} className={linkClass}>
                  <span className="sr-only">{words.page}</span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
              {words.next}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** First, last, and two either side of the current page; `null` marks a gap. */
export function visiblePages(page: number, pageCount: number): Array<number | null> {
  const wanted = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}
