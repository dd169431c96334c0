import type { Metadata } from "next";
import Link from "next/link";
import { formatAdminTime, ROLE_OPTIONS, STATUS_LABELS } from "@/components/admin/users/labels";
import { Pagination } from "@/components/posts/Pagination";
import { USER_STATUSES } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/dal/session";
import { listUsers } from "@/lib/dal/users";
import { userListQuerySchema, type UserListQuery } from "@/lib/validations/user";

export const metadata: Metadata = { title: "Người dùng" };

const control = "min-h-11 rounded-md border border-line bg-page px-3 text-ink";

function listHref(query: UserListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (query.status) params.set("status", query.status);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/users?${search}` : "/admin/users";
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("user:manage");
  const query = userListQuerySchema.parse(await searchParams);
  const result = await listUsers(query);
  const filtered = Boolean(query.q || query.role || query.status);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Người dùng</h1>
        <Link href="/admin/users/new" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Thêm người dùng
        </Link>
      </div>

      {/* A GET form: the filters live in the address, so a filtered list can be bookmarked and works without JavaScript. */}
      <form method="get" action="/admin/users" role="search" aria-label="Lọc người dùng" className="mt-6 flex flex-wrap items-end gap-4 rounded-md border border-line p-4">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="user-search" className="font-semibold">
            Tìm theo tên hoặc e-mail
          </label>
          <input id="user-search" name="q" type="search" defaultValue={query.q} className={control} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="user-role" className="font-semibold">
            Vai trò
          </label>
          <select id="user-role" name="role" defaultValue={query.role ?? ""} className={control}>
            <option value="">Tất cả vai trò</option>
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="user-status" className="font-semibold">
            Trạng thái
          </label>
          <select id="user-status" name="status" defaultValue={query.status ?? ""} className={control}>
            <option value="">Tất cả trạng thái</option>
            {USER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Tìm kiếm
        </button>
        {filtered && (
          <Link href="/admin/users" className="inline-flex min-h-11 items-center underline underline-offset-4">
            Bỏ lọc
          </Link>
        )}
      </form>

      <p className="mt-6">
        {result.total === 0
          ? filtered
            ? "Không có người dùng nào khớp điều kiện lọc."
            : "Chưa có người dùng nào."
          : `${result.total} người dùng${result.pageCount > 1 ? `, trang ${result.page}/${result.pageCount}` : ""}.`}
      </p>

      {result.items.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Danh sách người dùng</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className="px-3 py-2">
                  Họ tên
                </th>
                <th scope="col" className="px-3 py-2">
                  E-mail
                </th>
                <th scope="col" className="px-3 py-2">
                  Vai trò
                </th>
                <th scope="col" className="px-3 py-2">
                  Đơn vị
                </th>
                <th scope="col" className="px-3 py-2">
                  Trạng thái
                </th>
                <th scope="col" className="px-3 py-2">
                  Đăng nhập gần nhất
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((user) => (
                <tr key={user.id} className="border-b border-line align-top">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {user.name}
                  </th>
                  <td className="px-3 py-2 break-all">{user.email}</td>
                  <td className="px-3 py-2">{ROLE_LABELS[user.role]}</td>
                  <td className="px-3 py-2">{user.unit}</td>
                  <td className="px-3 py-2">
                    <span className={user.status === "disabled" ? "font-semibold text-red-800" : undefined}>{STATUS_LABELS[user.status]}</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatAdminTime(user.lastSignInAt)}</td>
                  <td className="px-3 py-2">
                    <Link href={`/admin/users/${user.id}`} className="inline-flex min-h-11 items-center underline underline-offset-4">
                      Sửa<span className="sr-only"> {user.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => listHref(query, page)} />
    </>
  );
}
