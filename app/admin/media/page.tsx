import type { Metadata } from "next";
import { FilterForm } from "@/components/admin/filters/FilterForm";
import { FilterResultCount } from "@/components/admin/filters/FilterResultCount";
import { FilterSearch } from "@/components/admin/filters/FilterSearch";
import { MediaCard } from "@/components/admin/media/MediaCard";
import { MediaUploadPanel } from "@/components/admin/media/MediaUploadPanel";
import { Pagination } from "@/components/posts/Pagination";
import { requirePermission } from "@/lib/dal/session";
import { listMedia } from "@/lib/dal/media";
import { mediaListQuerySchema, type MediaListQuery } from "@/lib/validations/media";
import { listHref } from "@/lib/routing/list-href";

export const metadata: Metadata = { title: "Thư viện ảnh" };

const mediaHref = (query: MediaListQuery, page: number) => listHref("/admin/media", { q: query.q }, page);

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

      <FilterForm action="/admin/media" label="Tìm ảnh" framed className="mt-8" resetHref={query.q ? "/admin/media" : undefined}>
        <FilterSearch id="media-search" label="Tìm theo tên tệp, mô tả hoặc chú thích" value={query.q} />
      </FilterForm>

      <h2 className="sr-only">Danh sách ảnh</h2>
      <FilterResultCount
        total={result.total}
        page={result.page}
        pageCount={result.pageCount}
        noun="ảnh"
        emptyText={query.q ? `Không có ảnh nào khớp “${query.q}”.` : "Thư viện chưa có ảnh nào."}
      />

      {result.items.length > 0 && (
        <ul className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {result.items.map((item) => (
            <li key={item.id}>
              <MediaCard item={item} />
            </li>
          ))}
        </ul>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => mediaHref(query, page)} />
    </>
  );
}
