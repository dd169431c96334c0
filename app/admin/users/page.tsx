import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm } from "@/components/admin/filters/FilterForm";
import { FilterResultCount } from "@/components/admin/filters/FilterResultCount";
import { FilterSearch } from "@/components/admin/filters/FilterSearch";
import { FilterSelect } from "@/components/admin/filters/FilterSelect";
import { ListTable } from "@/components/admin/table/ListTable";
import { formatAdminTime, ROLE_OPTIONS, STATUS_LABELS } from "@/components/admin/users/labels";
import { Pagination } from "@/components/posts/Pagination";
import { USER_STATUSES } from "@/db/vocabulary";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/dal/session";
import { listUsers } from "@/lib/dal/users";
import { userListQuerySchema, type UserListQuery } from "@/lib/validations/user";
import { listHref } from "@/lib/routing/list-href";

export const metadata: Metadata = { title: "Người dùng" };

const usersHref = (query: UserListQuery, page: number) => listHref("/admin/users", { q: query.q, role: query.role, status: query.status }, page);

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

      <FilterForm action="/admin/users" label="Lọc người dùng" framed className="mt-6" resetHref={filtered ? "/admin/users" : undefined}>
        <FilterSearch id="user-search" label="Tìm theo tên hoặc e-mail" value={query.q} />
        <FilterSelect id="user-role" label="Vai trò" name="role" value={query.role} allLabel="Tất cả vai trò" options={ROLE_OPTIONS} />
        <FilterSelect
          id="user-status"
          label="Trạng thái"
          name="status"
          value={query.status}
          allLabel="Tất cả trạng thái"
          options={USER_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        />
      </FilterForm>

      <FilterResultCount
        total={result.total}
        page={result.page}
        pageCount={result.pageCount}
        noun="người dùng"
        emptyText={filtered ? "Không có người dùng nào khớp điều kiện lọc." : "Chưa có người dùng nào."}
      />

      {result.items.length > 0 && (
        <ListTable
          caption="Danh sách người dùng"
          className="mt-4"
          columns={["Họ tên", "E-mail", "Vai trò", "Đơn vị", "Trạng thái", "Đăng nhập gần nhất", <span key="actions" className="sr-only">Thao tác</span>]}
        >
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
        </ListTable>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => usersHref(query, page)} />
    </>
  );
}
