import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import type { PostSummary } from "@/lib/dal/public/posts";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryHref, newsHref } from "@/lib/i18n/routes";

/** Other news of the article's category, beside it; without a category on this site (an English one unnamed), none. */
export function RelatedPosts({ posts, category, language = "vi" }: { posts: PostSummary[]; category: NonNullable<PostSummary["category"]>; language?: Language }) {
  const words = wordsFor(language);
  return (
    <aside aria-labelledby="tin-lien-quan" className="no-print">
      <h2 id="tin-lien-quan" className="border-b-4 border-brand pb-2 text-xl font-bold">
        {words.article.related}
      </h2>
      {posts.length === 0 ? (
        <p className="mt-3 text-muted">{words.article.noRelated}</p>
      ) : (
        <ul className="mt-2">
          {posts.map((post) => (
            <li key={post.id} className="border-b border-line py-3">
              <Link href={newsHref(post.slug, language)} className="font-semibold text-ink underline-offset-4 hover:underline">
                {post.title}
              </Link>
              <p className="mt-1 text-sm text-muted">
                <time dateTime={post.publishedAt}>{words.dateLine(new Date(post.publishedAt))}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3">
        <Link href={categoryHref(category.slug, language)} className="underline underline-offset-4">
          {words.home.allOfCategory(category.name)}
        </Link>
      </p>
    </aside>
  );
}
