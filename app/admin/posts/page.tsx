import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm } from "@/components/admin/filters/FilterForm";
import { FilterResultCount } from "@/components/admin/filters/FilterResultCount";
import { FilterSearch } from "@/components/admin/filters/FilterSearch";
import { FilterSelect } from "@/components/admin/filters/FilterSelect";
import { EmptyTrashForm } from "@/components/admin/posts/EmptyTrashForm";
import { PostTable } from "@/components/admin/posts/PostTable";
import { Pagination } from "@/components/posts/Pagination";
import { can } from "@/lib/auth/permissions";
import { TRASH_KEEP_DAYS } from "@/lib/dal/posts/purge";
import { listAuthorOptions, listCategoryOptions, listPostsForStaff, POST_STATUS_LABELS } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { POST_LIST_STATUSES, postListQuerySchema, type PostListQuery } from "@/lib/validations/post";
import { listHref } from "@/lib/routing/list-href";
import { LANGUAGE_NAMES } from "@/components/admin/translations/language-names";

export const metadata: Metadata = { title: "Bài viết" };

const LANGUAGE_OPTIONS = [
  { value: "vi", label: LANGUAGE_NAMES.vi },
  { value: "en", label: LANGUAGE_NAMES.en },
];

const SORT_OPTIONS = [
  { value: "", label: "Mặc định" },
  { value: "updated", label: "Ngày cập nhật" },
  { value: "published", label: "Ngày xuất bản" },
  { value: "title", label: "Tiêu đề (A–Z)" },
];

const DIR_OPTIONS = [
  { value: "", label: "Mặc định" },
  { value: "desc", label: "Mới nhất / Z–A trước" },
  { value: "asc", label: "Cũ nhất / A–Z trước" },
];

function postsHref({ q, status, language, category, author, sort, dir, trash }: PostListQuery, page: number): string {
  return listHref("/admin/posts", { q, status, language, category, author, sort, dir, trash }, page);
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
  const filtered = Boolean(query.q || query.status || query.language || query.category || (editor && query.author));
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
      {query.trash && <p className="mt-2">Bài trong thùng rác được tự động xoá hẳn sau {TRASH_KEEP_DAYS} ngày.</p>}

      <FilterForm
        action="/admin/posts"
        label="Lọc bài viết"
        framed
        className="mt-6"
        resetHref={filtered ? (query.trash ? "/admin/posts?trash=1" : "/admin/posts") : undefined}
      >
        {query.trash && <input type="hidden" name="trash" value="1" />}
        <FilterSearch id="post-search" label="Tìm theo tiêu đề" value={query.q} />
        <FilterSelect
          id="post-status"
          label="Trạng thái"
          name="status"
          value={query.status}
          allLabel="Tất cả trạng thái"
          options={POST_LIST_STATUSES.map((status) => ({ value: status, label: POST_STATUS_LABELS[status] }))}
        />
        <FilterSelect id="post-language" label="Ngôn ngữ" name="language" value={query.language} allLabel="Tất cả ngôn ngữ" options={LANGUAGE_OPTIONS} />
        <FilterSelect
          id="post-category"
          label="Chuyên mục"
          name="category"
          value={query.category}
          allLabel="Tất cả chuyên mục"
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        {editor && (
          <FilterSelect
            id="post-author"
            label="Tác giả"
            name="author"
            value={query.author}
            allLabel="Tất cả tác giả"
            options={authors.map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <FilterSelect id="post-sort" label="Sắp xếp theo" name="sort" value={query.sort} options={SORT_OPTIONS} />
        <FilterSelect id="post-dir" label="Thứ tự" name="dir" value={query.dir} options={DIR_OPTIONS} />
      </FilterForm>

      <FilterResultCount
        total={result.total}
        page={result.page}
        pageCount={result.pageCount}
        noun="bài viết"
        emptyText={filtered ? "Không có bài viết nào khớp điều kiện lọc." : query.trash ? "Thùng rác trống." : "Chưa có bài viết nào."}
      />

      {/* Mounted even when empty: after moving the last posts away, it still shows what was done. */}
      <PostTable
        key={query.trash ? "trash" : "list"}
        items={result.items}
        trash={query.trash}
        bulk={query.trash ? can(user.role, "post:restore") : can(user.role, "post:delete-any")}
        showAuthor={editor}
      />

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => postsHref(query, page)} />
      {query.trash && can(user.role, "trash:empty") && <EmptyTrashForm />}
    </>
  );
}
