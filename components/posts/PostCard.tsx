import Link from "next/link";
import type { PostSummary } from "@/lib/dal/public/posts";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryHref, newsHref } from "@/lib/i18n/routes";
import { PostImage } from "./PostImage";

/** A post in a listing (the latest news' pages, a category, search): its picture when it has one, else text alone. */
export function PostCard({ post, headingLevel = 2, language = "vi" }: { post: PostSummary; headingLevel?: 2 | 3; language?: Language }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="flex flex-col gap-3 border-b border-line py-5 sm:flex-row">
      {post.image && (
        <PostImage image={post.image} sizes="(min-width: 40rem) 15rem, min(20rem, 100vw)" className="aspect-[3/2] h-auto w-full max-w-xs shrink-0 object-cover sm:w-60" />
      )}
      <div className="min-w-0">
        <Heading className="text-xl font-bold leading-snug">
          <Link href={newsHref(post.slug, language)} className="text-ink underline-offset-4 hover:underline">
            {post.title}
          </Link>
        </Heading>
        <p className="mt-1 text-sm text-muted">
          <time dateTime={post.publishedAt}>{wordsFor(language).dateLine(new Date(post.publishedAt))}</time>
          {post.category && (
            <>
              {" · "}
              <Link href={categoryHref(post.category.slug, language)} className="underline underline-offset-4">
                {post.category.name}
              </Link>
            </>
          )}
        </p>
        {post.lead && <p className="mt-2 line-clamp-4">{post.lead}</p>}
      </div>
    </article>
  );
}
