import type { Metadata } from "next";
import Link from "next/link";
import { NameForm } from "@/components/admin/profile/NameForm";
import { SignOutEverywhereForm } from "@/components/admin/profile/SignOutEverywhereForm";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Hồ sơ" };

const linkClass = "font-semibold underline underline-offset-4";

export default async function ProfilePage() {
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">Hồ sơ của bạn</h1>
        <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">E-mail</dt>
          <dd>{user.email}</dd>
          <dt className="font-semibold">Vai trò</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
          {user.unit && (
            <>
              <dt className="font-semibold">Đơn vị</dt>
              <dd>{user.unit}</dd>
            </>
          )}
        </dl>
      </div>

      <section aria-labelledby="name-heading" className="flex flex-col gap-3">
        <h2 id="name-heading" className="text-2xl font-bold">
          Đổi họ tên
        </h2>
        <NameForm name={user.name} />
      </section>

      <section aria-labelledby="security-heading" className="flex flex-col gap-3">
        <h2 id="security-heading" className="text-2xl font-bold">
          Bảo mật
        </h2>
        <ul className="flex flex-col gap-2">
          <li>
            <Link href="/admin/profile/password" className={linkClass}>
              Đổi mật khẩu
            </Link>
          </li>
          <li>
            <Link href="/admin/profile/two-factor" className={linkClass}>
              Xác thực hai bước
            </Link>{" "}
            ({user.totpEnabled ? "đang bật" : "chưa bật"})
          </li>
          {can(user.role, "settings:manage") && (
            <li>
              <Link href="/admin/settings" className={linkClass}>
                Cài đặt bảo mật của hệ thống
              </Link>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-2xl font-bold">
          Phiên đăng nhập
        </h2>
        <p className="max-w-2xl">
          Quên đăng xuất trên máy khác, hoặc nghi ngờ có người dùng tài khoản của bạn? Nút dưới đây đăng xuất tài khoản khỏi mọi thiết bị và trình duyệt khác; bạn vẫn đăng nhập trên trình duyệt này.
        </p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
