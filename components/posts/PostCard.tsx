import Link from "next/link";
import type { PostSummary } from "@/lib/dal/public/posts";
import { formatDateLine } from "@/lib/vi/date-line";
import { PostImage } from "./PostImage";

/** A post in a listing (the latest news' pages, a category, search): its picture when it has one, else text alone. */
export function PostCard({ post, headingLevel = 2 }: { post: PostSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="flex flex-col gap-3 border-b border-line py-5 sm:flex-row">
      {post.image && (
        <PostImage image={post.image} sizes="(min-width: 40rem) 15rem, min(20rem, 100vw)" className="aspect-[3/2] h-auto w-full max-w-xs shrink-0 object-cover sm:w-60" />
      )}
      <div className="min-w-0">
        <Heading className="text-xl font-bold leading-snug">
          <Link href={`/tin-tuc/${post.slug}`} className="text-ink underline-offset-4 hover:underline">
            {post.title}
          </Link>
        </Heading>
        <p className="mt-1 text-sm text-muted">
          <time dateTime={post.publishedAt}>{formatDateLine(new Date(post.publishedAt))}</time>
          {" · "}
          <Link href={`/chuyen-muc/${post.category.slug}`} className="underline underline-offset-4">
            {post.category.name}
          </Link>
        </p>
        {post.lead && <p className="mt-2 line-clamp-4">{post.lead}</p>}
      </div>
    </article>
  );
}
