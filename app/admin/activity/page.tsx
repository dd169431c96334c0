import type { Metadata } from "next";
import { FilterDate } from "@/components/admin/filters/FilterDate";
import { FilterForm } from "@/components/admin/filters/FilterForm";
import { FilterSelect } from "@/components/admin/filters/FilterSelect";
import { Pagination } from "@/components/posts/Pagination";
import { ACTIVITY_LABELS, type ActivityAction } from "@/lib/dal/activity/log";
import { isActivityAction, listActivity, listActivityActors, type ActivityRow } from "@/lib/dal/activity";
import { toVietnamIso } from "@/lib/vi/date-line";
import { canonicalDate, formatVietnamDateTime, parseDateInput } from "@/lib/vi/date-time-input";
import { listHref } from "@/lib/routing/list-href";

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

/** A filter's day as typed (`31/12/2025`, `31/12`, or the `2025-12-31` of older links), as the data layer takes it. */
function dayParam(text: string): string | undefined {
  const parsed = text ? parseDateInput(text) : null;
  return parsed?.ok ? canonicalDate(parsed.value) : undefined;
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
  const from = dayParam(fromParam);
  if (fromParam && !from) problems.push("“Từ ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.");
  const to = dayParam(toParam);
  if (toParam && !to) problems.push("“Đến ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.");
  if (from && to && from > to) problems.push("“Từ ngày” đang sau “Đến ngày”, nên không có mục nào khớp.");
  const pageParam = Number(first(params.page));

  // Both check the permission next to their query; one after the other, so a refusal is logged once.
  const result = await listActivity({ userId, action, from, to, page: Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1 });
  const actors = await listActivityActors();

  const hrefFor = (page: number) => listHref("/admin/activity", { user: userId, action, from, to }, page);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Nhật ký hoạt động</h1>

      <FilterForm action="/admin/activity" label="Lọc nhật ký" submitLabel="Lọc" resetHref="/admin/activity" resetLabel="Xoá bộ lọc">
        <FilterSelect
          id="filter-user"
          label="Người thực hiện"
          name="user"
          value={userId}
          allLabel="Tất cả"
          options={actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
          className="max-w-xs"
        />
        <FilterSelect
          id="filter-action"
          label="Hành động"
          name="action"
          value={action}
          allLabel="Tất cả"
          options={Object.entries(ACTIVITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <FilterDate id="filter-from" label="Từ ngày" name="from" value={from} />
        <FilterDate id="filter-to" label="Đến ngày" name="to" value={to} />
      </FilterForm>

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

      {result.items.length > 0 && (
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
              {result.items.map((row) => (
                <tr key={row.id} className="border-b border-line align-top">
                  <td className="px-2 py-2 whitespace-nowrap">
                    <time dateTime={toVietnamIso(row.at)}>{formatVietnamDateTime(row.at, { seconds: true })}</time>
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
