import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/posts/Pagination";
import { listDocuments } from "@/lib/dal/documents/staff";
import { mayPerform, requirePermission } from "@/lib/dal/session";
import { formatCalendarDay } from "@/lib/vi/calendar-day";

export const metadata: Metadata = { title: "Văn bản" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function DocumentsAdminPage({ searchParams }: Props) {
  const user = await requirePermission("post:create");
  const params = await searchParams;
  const q = first(params.q).slice(0, 200);
  const pageParam = Number(first(params.trang));
  const result = await listDocuments({ q, page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1 });
  const href = (page: number) => `/admin/documents?${new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { trang: String(page) } : {}) })}`;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Văn bản</h1>
        <p className="flex flex-wrap items-center gap-4">
          {mayPerform(user, "category:manage") && (
            <Link href="/admin/documents/types" className="inline-flex min-h-11 items-center underline underline-offset-4">
              Loại văn bản{mayPerform(user, "settings:manage") ? " và giới hạn tệp" : ""}
            </Link>
          )}
          <Link href="/admin/documents/new" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
            Thêm văn bản
          </Link>
        </p>
      </div>
      <form method="get" role="search" aria-label="Tìm văn bản" className="mt-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="documents-q" className="font-semibold">
            Số/ký hiệu hoặc trích yếu
          </label>
          <input id="documents-q" name="q" type="search" defaultValue={q} className="min-h-11 rounded-md border border-line bg-page px-3 text-ink" />
        </div>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-ink px-4 font-semibold">
          Tìm
        </button>
      </form>
      <p className="mt-4" role="status">
        {result.total.toLocaleString("vi-VN")} văn bản
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-left">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3">Số/ký hiệu</th>
              <th scope="col" className="py-2 pr-3">Trích yếu</th>
              <th scope="col" className="py-2 pr-3">Cơ quan ban hành</th>
              <th scope="col" className="py-2 pr-3">Ngày ban hành</th>
              <th scope="col" className="py-2 pr-3">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item) => (
              <tr key={item.id} className="border-b border-line align-top">
                <td className="py-2 pr-3">
                  <Link href={`/admin/documents/${item.id}`} className="font-semibold underline underline-offset-4">
                    {item.type} {item.number}
                  </Link>
                </td>
                <td className="py-2 pr-3">{item.title}</td>
                <td className="py-2 pr-3">{item.issuer}</td>
                <td className="py-2 pr-3">{formatCalendarDay(item.issuedOn)}</td>
                <td className="py-2 pr-3" data-testid="document-status">{item.statusLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={href} />
    </>
  );
}
