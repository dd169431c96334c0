import Link from "next/link";
import { PostImage } from "@/components/posts/PostImage";
import type { PostSummary } from "@/lib/dal/public/posts";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { newsHref } from "@/lib/i18n/routes";

/*
 * The home page's stories. Each shows its picture only when it has one; without, the text stands
 * on its own (no grey box, no stand-in photo), so a site without pictures still looks finished.
 */


type StoryProps = { post: PostSummary; language?: Language };

function DateLine({ post, language = "vi" }: StoryProps) {
  return (
    <p className="mt-1 text-sm text-muted">
      <time dateTime={post.publishedAt}>{wordsFor(language).dateLine(new Date(post.publishedAt))}</time>
    </p>
  );
}

function Title({ post, className, language = "vi" }: StoryProps & { className: string }) {
  return (
    <h3 className={className}>
      <Link href={newsHref(post.slug, language)} className="text-ink underline-offset-4 hover:underline">
        {post.title}
      </Link>
    </h3>
  );
}

/** The lead story: large, its picture across the column (fetched first: it is the largest thing on the first screen). */
export function LeadStory({ post, language }: StoryProps) {
  if (!post.image) {
    return (
      <article className="border-l-4 border-brand bg-surface px-4 py-5 sm:px-6">
        <Title post={post} language={language} className="text-2xl font-bold leading-tight sm:text-3xl" />
        <DateLine post={post} language={language} />
        {post.lead && <p className="mt-3 text-lg leading-relaxed">{post.lead}</p>}
      </article>
    );
  }
  return (
    <article>
      <PostImage
        image={post.image}
        sizes="(min-width: 72rem) 46rem, (min-width: 64rem) 64vw, calc(100vw - 2rem)"
        priority
        className="aspect-[16/9] h-auto w-full object-cover"
      />
      <Title post={post} language={language} className="mt-3 text-2xl font-bold leading-tight sm:text-3xl" />
      <DateLine post={post} language={language} />
      {post.lead && <p className="mt-2 text-lg leading-relaxed line-clamp-4">{post.lead}</p>}
    </article>
  );
}

/** A story with a small picture at its side (when it has one). */
export function ThumbStory({ post, withLead = false, language }: StoryProps & { withLead?: boolean }) {
  return (
    <article className="flex gap-3 py-3 sm:gap-4">
      {post.image && (
        <PostImage image={post.image} sizes="(min-width: 40rem) 10rem, 7rem" className="aspect-[3/2] h-auto w-28 shrink-0 self-start object-cover sm:w-40" />
      )}
      <div className="min-w-0">
        <Title post={post} language={language} className="text-lg font-bold leading-snug" />
        <DateLine post={post} language={language} />
        {withLead && post.lead && <p className="mt-1 line-clamp-3 max-sm:hidden">{post.lead}</p>}
      </div>
    </article>
  );
}

/** A story as a title and a date. */
export function TitleStory({ post, language }: StoryProps) {
  return (
    <article className="py-2">
      <Title post={post} language={language} className="font-semibold leading-snug" />
      <DateLine post={post} language={language} />
    </article>
  );
}
