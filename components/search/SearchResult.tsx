import Link from "next/link";
import { PostImage } from "@/components/posts/PostImage";
import type { SearchResultItem } from "@/lib/dal/search";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryHref } from "@/lib/i18n/routes";
import { Highlighted } from "./Highlighted";

export function SearchResult({ item, language = "vi" }: { item: SearchResultItem; language?: Language }) {
  const words = wordsFor(language);
  return (
    <article className="flex flex-col gap-3 border-b border-line py-5 sm:flex-row">
      {item.image && (
        <PostImage image={item.image} sizes="(min-width: 40rem) 12rem, min(20rem, 100vw)" className="aspect-[3/2] h-auto w-full max-w-xs shrink-0 self-start object-cover sm:w-48" />
      )}
      <div className="min-w-0">
        <h2 className="text-xl font-bold leading-snug">
          <Link href={item.href} className="text-ink underline-offset-4 hover:underline">
            <Highlighted segments={item.titleSegments} />
          </Link>
        </h2>
        <p className="mt-1 text-sm text-muted">
          <time dateTime={item.publishedAt}>{words.dateLine(new Date(item.publishedAt))}</time>
          {item.category ? (
            <>
              {" · "}
              <Link href={categoryHref(item.category.slug, language)} className="underline underline-offset-4">
                {item.category.name}
              </Link>
            </>
          ) : (
            item.isPage && ` · ${words.search.standingPage}`
          )}
        </p>
        {item.snippetSegments.length > 0 && (
          <p className="mt-2">
            <Highlighted segments={item.snippetSegments} />
          </p>
        )}
      </div>
    </article>
  );
}
