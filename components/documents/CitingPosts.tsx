import Link from "next/link";
import type { CitingPost } from "@/lib/dal/documents";
import { formatVietnamDate } from "@/lib/vi/date-line";

/** "Bài viết dẫn chiếu" on a document's page: the news posts and pages that cite it, newest first. */
export function CitingPosts({ posts }: { posts: CitingPost[] }) {
  if (posts.length === 0) return null;
  return (
    <section aria-labelledby="bai-viet-dan-chieu" className="citing-posts no-print mt-8 border-t border-line pt-4">
      <h2 id="bai-viet-dan-chieu" className="text-xl font-bold">
        Bài viết dẫn chiếu
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {posts.map((p) => (
          <li key={p.id}>
            <Link href={p.href} className="font-semibold text-link underline underline-offset-4">
              {p.title}
            </Link>{" "}
            <span className="text-sm text-muted">
              ({p.kind === "page" ? "Trang" : <time dateTime={p.publishedAt}>{formatVietnamDate(new Date(p.publishedAt))}</time>})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
