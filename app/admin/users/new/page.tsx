import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/users/CreateUserForm";
import { requirePermission } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Thêm người dùng" };

export default async function NewUserPage() {
  await requirePermission("user:manage");
  return (
    <>
      <h1 className="text-3xl font-bold">Thêm người dùng</h1>
      <p className="mt-2 mb-6 text-muted">Tài khoản mới phải đổi mật khẩu tạm thời ở lần đăng nhập đầu tiên.</p>
      <CreateUserForm />
    </>
  );
}
