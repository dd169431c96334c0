import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatAdminTime, STATUS_LABELS } from "@/components/admin/users/labels";
import { UserEditor } from "@/components/admin/users/UserEditor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/dal/session";
import { getUserForAdmin } from "@/lib/dal/users";
import { userIdField } from "@/lib/validations/user";

export const metadata: Metadata = { title: "Sửa người dùng" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("user:manage");
  const id = userIdField.safeParse((await params).id);
  if (!id.success) notFound();
  const user = await getUserForAdmin(id.data);
  if (!user) notFound();

  return (
    <>
      <p>
        <Link href="/admin/users" className="underline underline-offset-4">
          ‹ Danh sách người dùng
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{user.name}</h1>
      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">E-mail</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-semibold">Vai trò</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="font-semibold">Trạng thái</dt>
        <dd>{STATUS_LABELS[user.status]}</dd>
        <dt className="font-semibold">Đăng nhập gần nhất</dt>
        <dd>{formatAdminTime(user.lastSignInAt)}</dd>
        <dt className="font-semibold">Xác thực hai bước</dt>
        <dd>{user.totpEnabled ? "Đã bật" : "Chưa bật"}</dd>
        {user.mustChangePassword && (
          <>
            <dt className="font-semibold">Mật khẩu</dt>
            <dd>Đang dùng mật khẩu tạm thời, phải đổi ở lần đăng nhập tới</dd>
          </>
        )}
      </dl>
      <div className="mt-8">
        {/* Keyed by id: opening another account must not show the previous one's results or temporary password. */}
        <UserEditor
          key={user.id}
          user={{ id: user.id, name: user.name, email: user.email, role: user.role, unit: user.unit, status: user.status, totpEnabled: user.totpEnabled }}
          isSelf={admin.id === user.id}
        />
      </div>
    </>
  );
}
