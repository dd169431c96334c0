import Link from "next/link";
import type { PostSummary } from "@/lib/dal/public/posts";
import { formatDateLine } from "@/lib/vi/date-line";

export function RelatedPosts({ posts, category }: { posts: PostSummary[]; category: PostSummary["category"] }) {
  return (
    <aside aria-labelledby="tin-lien-quan" className="no-print">
      <h2 id="tin-lien-quan" className="border-b-4 border-brand pb-2 text-xl font-bold">
        Tin liên quan
      </h2>
      {posts.length === 0 ? (
        <p className="mt-3 text-muted">Chưa có tin khác trong chuyên mục này.</p>
      ) : (
        <ul className="mt-2">
          {posts.map((post) => (
            <li key={post.id} className="border-b border-line py-3">
              <Link href={`/tin-tuc/${post.slug}`} className="font-semibold text-ink underline-offset-4 hover:underline">
                {post.title}
              </Link>
              <p className="mt-1 text-sm text-muted">
                <time dateTime={post.publishedAt}>{formatDateLine(new Date(post.publishedAt))}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3">
        <Link href={`/chuyen-muc/${category.slug}`} className="underline underline-offset-4">
          Xem tất cả tin {category.name}
        </Link>
      </p>
    </aside>
  );
}
