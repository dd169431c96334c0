import type { Metadata } from "next";
import Link from "next/link";
import { MediaCard } from "@/components/admin/media/MediaCard";
import { MediaUploadPanel } from "@/components/admin/media/MediaUploadPanel";
import { Pagination } from "@/components/posts/Pagination";
import { requirePermission } from "@/lib/dal/session";
import { listMedia } from "@/lib/dal/media";
import { mediaListQuerySchema, type MediaListQuery } from "@/lib/validations/media";

export const metadata: Metadata = { title: "Thư viện ảnh" };

const control = "min-h-11 rounded-md border border-line bg-page px-3 text-ink";

function listHref(query: MediaListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/media?${search}` : "/admin/media";
}

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("media:upload");
  const query = mediaListQuerySchema.parse(await searchParams);
  const result = await listMedia(query);

  return (
    <>
      <h1 className="text-3xl font-bold">Thư viện ảnh</h1>
      <p className="mt-2 text-muted">
        Ảnh được kiểm tra theo nội dung tệp, xoá thông tin vị trí (GPS) và tạo sẵn nhiều kích cỡ. Mô tả ảnh là bắt buộc trước khi xuất bản bài có dùng ảnh.
      </p>

      <section aria-labelledby="tai-anh" className="mt-6">
        <h2 id="tai-anh" className="mb-3 text-xl font-bold">
          Tải ảnh lên
        </h2>
        <MediaUploadPanel />
      </section>

      {/* A GET form: the search lives in the address, so it can be bookmarked and works without JavaScript. */}
      <form method="get" action="/admin/media" role="search" aria-label="Tìm ảnh" className="mt-8 flex flex-wrap items-end gap-4 rounded-md border border-line p-4">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="media-search" className="font-semibold">
            Tìm theo tên tệp, mô tả hoặc chú thích
          </label>
          <input id="media-search" name="q" type="search" defaultValue={query.q} className={control} />
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Tìm kiếm
        </button>
        {query.q && (
          <Link href="/admin/media" className="inline-flex min-h-11 items-center underline underline-offset-4">
            Bỏ lọc
          </Link>
        )}
      </form>

      <h2 className="sr-only">Danh sách ảnh</h2>
      <p className="mt-6">
        {result.total === 0
          ? query.q
            ? `Không có ảnh nào khớp “${query.q}”.`
            : "Thư viện chưa có ảnh nào."
          : `${result.total} ảnh${result.pageCount > 1 ? `, trang ${result.page}/${result.pageCount}` : ""}.`}
      </p>

      {result.items.length > 0 && (
        <ul className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {result.items.map((item) => (
            <li key={item.id}>
              <MediaCard item={item} />
            </li>
          ))}
        </ul>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => listHref(query, page)} />
    </>
  );
}
