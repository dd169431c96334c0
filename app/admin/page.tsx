import Link from "next/link";
import { BackupStatus } from "@/components/admin/BackupStatus";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/dal/session";

export default async function AdminHome() {
  const user = await requirePermission("admin:enter");
  const areas = [
    { href: "/admin/users", title: "Người dùng", text: "Tạo, khoá, đổi vai trò và đặt lại mật khẩu tài khoản cán bộ.", allowed: can(user.role, "user:manage") },
    { href: "/admin/activity", title: "Nhật ký hoạt động", text: "Ai đã làm gì, lúc nào, từ địa chỉ nào.", allowed: can(user.role, "activity:read") },
    { href: "/admin/profile", title: "Hồ sơ của bạn", text: "Đổi tên, mật khẩu, xác thực hai bước, đăng xuất khỏi mọi thiết bị.", allowed: true },
  ].filter((a) => a.allowed);
  return (
    <>
      <h1 className="text-3xl font-bold">Xin chào, {user.name}</h1>
      <p className="mt-2 text-muted">Vai trò: {ROLE_LABELS[user.role]}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((area) => (
          <li key={area.href} className="rounded-md border border-line p-4">
            <h2 className="text-xl font-bold">
              <Link href={area.href} className="underline underline-offset-4">
                {area.title}
              </Link>
            </h2>
            <p className="mt-2">{area.text}</p>
          </li>
        ))}
      </ul>

      {/* Operations (issue 7): the last backup; renders for admins only. */}
      <div className="mt-6">
        <BackupStatus />
      </div>
    </>
  );
}
