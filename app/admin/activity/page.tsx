import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/posts/Pagination";
import { ACTIVITY_LABELS, type ActivityAction } from "@/lib/activity/log";
import { isActivityAction, listActivity, listActivityActors, vietnamDayStart, type ActivityRow } from "@/lib/dal/activity";
import { formatVietnamDate, toVietnamIso } from "@/lib/vi/date-line";

export const metadata: Metadata = { title: "Nhật ký hoạt động" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

const OBJECT_TYPES: Record<string, string> = { user: "Tài khoản", email: "E-mail", post: "Bài viết", settings: "Cài đặt" };
const SETTING_NAMES: Record<string, string> = { totpRequiredRoles: "vai trò bắt buộc xác thực hai bước" };

function describeObject(row: ActivityRow): string {
  if (row.objectType === "user") return `${OBJECT_TYPES.user}: ${row.objectUserName ?? "(đã xoá)"} (#${row.objectId})`;
  if (row.objectType === "settings") return `${OBJECT_TYPES.settings}: ${SETTING_NAMES[row.objectId] ?? row.objectId}`;
  if (row.objectType in OBJECT_TYPES) return `${OBJECT_TYPES[row.objectType]}: ${row.objectId}`;
  // A refused attempt records the permission that was missing.
  if (row.action === "security.denied") return `Quyền ${row.objectType}${row.objectId ? ` (#${row.objectId})` : ""}`;
  return [row.objectType, row.objectId].filter(Boolean).join(" ");
}

/** `31/12/2020 17:12:05` in Vietnam time. */
function formatTime(at: Date): string {
  return `${formatVietnamDate(at)} ${toVietnamIso(at).slice(11, 19)}`;
}

export default async function ActivityPage({ searchParams }: Props) {
  const params = await searchParams;
  const problems: string[] = [];
  const userParam = first(params.user);
  const actionParam = first(params.action);
  const fromParam = first(params.from);
  const toParam = first(params.to);
  const userId = /^\d{1,9}$/.test(userParam) ? Number(userParam) : undefined;
  if (userParam && userId === undefined) problems.push("Người thực hiện không hợp lệ; bộ lọc này bị bỏ qua.");
  const action: ActivityAction | undefined = isActivityAction(actionParam) ? actionParam : undefined;
  if (actionParam && !action) problems.push("Hành động không hợp lệ; bộ lọc này bị bỏ qua.");
  const from = fromParam && vietnamDayStart(fromParam) ? fromParam : undefined;
  if (fromParam && !from) problems.push("“Từ ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.");
  const to = toParam && vietnamDayStart(toParam) ? toParam : undefined;
  if (toParam && !to) problems.push("“Đến ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.");
  if (from && to && from > to) problems.push("“Từ ngày” đang sau “Đến ngày”, nên không có mục nào khớp.");
  const pageParam = Number(first(params.page));

  // Both check the permission next to their query; one after the other, so a refusal is logged once.
  const result = await listActivity({ userId, action, from, to, page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1 });
  const actors = await listActivityActors();

  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    if (userId !== undefined) query.set("user", String(userId));
    if (action) query.set("action", action);
    if (from) query.set("from", from);
    if (to) query.set("to", to);
    if (page > 1) query.set("page", String(page));
    const qs = query.toString();
    return qs ? `/admin/activity?${qs}` : "/admin/activity";
  };
  const inputClass = "min-h-11 rounded-md border border-line bg-page px-3 text-ink";

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Nhật ký hoạt động</h1>

      <form method="get" action="/admin/activity" role="search" aria-label="Lọc nhật ký" className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-user" className="font-semibold">
            Người thực hiện
          </label>
          <select id="filter-user" name="user" defaultValue={userId !== undefined ? String(userId) : ""} className={`${inputClass} max-w-xs`}>
            <option value="">Tất cả</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-action" className="font-semibold">
            Hành động
          </label>
          <select id="filter-action" name="action" defaultValue={action ?? ""} className={inputClass}>
            <option value="">Tất cả</option>
            {Object.entries(ACTIVITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-from" className="font-semibold">
            Từ ngày
          </label>
          <input id="filter-from" name="from" type="date" defaultValue={from ?? ""} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-to" className="font-semibold">
            Đến ngày
          </label>
          <input id="filter-to" name="to" type="date" defaultValue={to ?? ""} className={inputClass} />
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Lọc
        </button>
        <Link href="/admin/activity" className="inline-flex min-h-11 items-center underline underline-offset-4">
          Xoá bộ lọc
        </Link>
      </form>

      {problems.length > 0 && (
        <ul role="status" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}

      <p>
        {result.total === 0
          ? "Không có mục nào."
          : `${result.total.toLocaleString("vi-VN")} mục · trang ${result.page}/${result.pageCount}. Ngày giờ theo giờ Việt Nam.`}
      </p>

      {result.rows.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Nhật ký hoạt động, mới nhất trước</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="px-2 py-2">
                  Thời gian
                </th>
                <th scope="col" className="px-2 py-2">
                  Người thực hiện
                </th>
                <th scope="col" className="px-2 py-2">
                  Hành động
                </th>
                <th scope="col" className="px-2 py-2">
                  Đối tượng
                </th>
                <th scope="col" className="px-2 py-2">
                  Chi tiết
                </th>
                <th scope="col" className="px-2 py-2">
                  IP
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id} className="border-b border-line align-top">
                  <td className="px-2 py-2 whitespace-nowrap">
                    <time dateTime={toVietnamIso(row.at)}>{formatTime(row.at)}</time>
                  </td>
                  <td className="px-2 py-2">{row.actorName || (row.actorId ? `#${row.actorId}` : "Không xác định")}</td>
                  <td className="px-2 py-2">{row.actionLabel}</td>
                  <td className="px-2 py-2 break-all">{describeObject(row)}</td>
                  <td className="px-2 py-2">{row.summary}</td>
                  <td className="px-2 py-2 font-mono whitespace-nowrap">{row.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
    </div>
  );
}
