import Link from "next/link";
import type { SearchResultItem } from "@/lib/dal/search";
import { formatDateLine } from "@/lib/vi/date-line";
import { Highlighted } from "./Highlighted";

export function SearchResult({ item }: { item: SearchResultItem }) {
  return (
    <article className="border-b border-line py-5">
      <h2 className="text-xl font-bold leading-snug">
        <Link href={`/tin-tuc/${item.slug}`} className="text-ink underline-offset-4 hover:underline">
          <Highlighted segments={item.titleSegments} />
        </Link>
      </h2>
      <p className="mt-1 text-sm text-muted">
        <time dateTime={item.publishedAt}>{formatDateLine(new Date(item.publishedAt))}</time>
        {" · "}
        <Link href={`/chuyen-muc/${item.category.slug}`} className="underline underline-offset-4">
          {item.category.name}
        </Link>
      </p>
      {item.snippetSegments.length > 0 && (
        <p className="mt-2">
          <Highlighted segments={item.snippetSegments} />
        </p>
      )}
    </article>
  );
}
