import type { Language } from "@/db/vocabulary";
import type { Page, PostSummary } from "@/lib/dal/public/posts";
import { Pagination } from "./Pagination";
import { PostCard } from "./PostCard";

export function PostList({ result, hrefFor, emptyText, language = "vi" }: { result: Page<PostSummary>; hrefFor: (page: number) => string; emptyText: string; language?: Language }) {
  if (result.items.length === 0) return <p className="py-6 text-muted">{emptyText}</p>;
  return (
    <>
      <div>
        {result.items.map((post) => (
          <PostCard key={post.id} post={post} language={language} />
        ))}
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} language={language} />
    </>
  );
}
