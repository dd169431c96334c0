import type { Metadata } from "next";
import Link from "next/link";
import { PostTable } from "@/components/admin/posts/PostTable";
import { Pagination } from "@/components/posts/Pagination";
import { can } from "@/lib/auth/permissions";
import { listAuthorOptions, listCategoryOptions, listPostsForStaff, POST_STATUS_LABELS } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { POST_LIST_STATUSES, postListQuerySchema, type PostListQuery } from "@/lib/validations/post";

export const metadata: Metadata = { title: "Bài viết" };

const control = "min-h-11 rounded-md border border-line bg-page px-3 text-ink";

const SORT_OPTIONS = [
  { value: "", label: "Mặc định" },
  { value: "updated", label: "Ngày cập nhật" },
  { value: "published", label: "Ngày xuất bản" },
  { value: "title", label: "Tiêu đề (A–Z)" },
];

function listHref(query: PostListQuery, page: number, overrides: Partial<PostListQuery> = {}): string {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.status) params.set("status", q.status);
  if (q.category) params.set("category", String(q.category));
  if (q.author) params.set("author", String(q.author));
  if (q.sort) params.set("sort", q.sort);
  if (q.dir) params.set("dir", q.dir);
  if (q.trash) params.set("trash", "1");
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/posts?${search}` : "/admin/posts";
}

export default async function PostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("post:create");
  const query = postListQuerySchema.parse(await searchParams);
  const editor = can(user.role, "post:edit-any");
  const [result, categories, authors] = await Promise.all([
    listPostsForStaff({ ...query, categoryId: query.category, authorId: editor ? query.author : undefined }),
    listCategoryOptions(),
    listAuthorOptions(),
  ]);
  const filtered = Boolean(query.q || query.status || query.category || (editor && query.author));
  const title = query.trash ? "Thùng rác" : "Bài viết";

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{title}</h1>
        <div className="flex flex-wrap items-center gap-4">
          {query.trash ? (
            <Link href="/admin/posts" className="inline-flex min-h-11 items-center underline underline-offset-4">
              ‹ Danh sách bài viết
            </Link>
          ) : (
            <Link href="/admin/posts?trash=1" className="inline-flex min-h-11 items-center underline underline-offset-4">
              Thùng rác
            </Link>
          )}
          <Link href="/admin/posts/new" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
            Viết bài mới
          </Link>
        </div>
      </div>
      {!editor && <p className="mt-2 text-muted">Bạn thấy các bài viết của chính mình.</p>}

      {/* A GET form: the filters live in the address, so a filtered list can be bookmarked and works without JavaScript. */}
      <form method="get" action="/admin/posts" role="search" aria-label="Lọc bài viết" className="mt-6 flex flex-wrap items-end gap-4 rounded-md border border-line p-4">
        {query.trash && <input type="hidden" name="trash" value="1" />}
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="post-search" className="font-semibold">
            Tìm theo tiêu đề
          </label>
          <input id="post-search" name="q" type="search" defaultValue={query.q} className={control} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="post-status" className="font-semibold">
            Trạng thái
          </label>
          <select id="post-status" name="status" defaultValue={query.status ?? ""} className={control}>
            <option value="">Tất cả trạng thái</option>
            {POST_LIST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {POST_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="post-category" className="font-semibold">
            Chuyên mục
          </label>
          <select id="post-category" name="category" defaultValue={query.category ? String(query.category) : ""} className={control}>
            <option value="">Tất cả chuyên mục</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {editor && (
          <div className="flex flex-col gap-1">
            <label htmlFor="post-author" className="font-semibold">
              Tác giả
            </label>
            <select id="post-author" name="author" defaultValue={query.author ? String(query.author) : ""} className={control}>
              <option value="">Tất cả tác giả</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="post-sort" className="font-semibold">
            Sắp xếp theo
          </label>
          <select id="post-sort" name="sort" defaultValue={query.sort ?? ""} className={control}>
            {SORT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="post-dir" className="font-semibold">
            Thứ tự
          </label>
          <select id="post-dir" name="dir" defaultValue={query.dir ?? ""} className={control}>
            <option value="">Mặc định</option>
            <option value="desc">Mới nhất / Z–A trước</option>
            <option value="asc">Cũ nhất / A–Z trước</option>
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Tìm kiếm
        </button>
        {filtered && (
          <Link href={query.trash ? "/admin/posts?trash=1" : "/admin/posts"} className="inline-flex min-h-11 items-center underline underline-offset-4">
            Bỏ lọc
          </Link>
        )}
      </form>

      <p className="mt-6">
        {result.total === 0
          ? filtered
            ? "Không có bài viết nào khớp điều kiện lọc."
            : query.trash
              ? "Thùng rác trống."
              : "Chưa có bài viết nào."
          : `${result.total} bài viết${result.pageCount > 1 ? `, trang ${result.page}/${result.pageCount}` : ""}.`}
      </p>

      {/* Mounted even when empty: after moving the last posts away, it still shows what was done. */}
      <PostTable
        key={query.trash ? "trash" : "list"}
        items={result.items}
        trash={query.trash}
        bulk={query.trash ? can(user.role, "post:restore") : can(user.role, "post:delete-any")}
        showAuthor={editor}
      />

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => listHref(query, page)} />
    </>
  );
}
