import { notFound } from "next/navigation";
import { PostList } from "@/components/posts/PostList";
import { getLatestPosts } from "@/lib/dal/public/posts";

export const homeHref = (page: number) => (page === 1 ? "/" : `/trang/${page}`);

export async function HomeListing({ page }: { page: number }) {
  const result = await getLatestPosts(page);
  if (page > result.pageCount) notFound();
  return (
    <>
      <h1 className="text-2xl font-bold">
        Tin tức mới nhất{page > 1 && <span className="font-normal text-muted"> – trang {page}</span>}
      </h1>
      <PostList result={result} hrefFor={homeHref} emptyText="Chưa có bài viết nào." />
    </>
  );
}
