import type { Metadata } from "next";
import { BackToProfile } from "@/components/admin/BackToProfile";
import { TwoFactorPolicyForm } from "@/components/admin/settings/TwoFactorPolicyForm";
import { ROLES } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { twoFactorPolicy } from "@/lib/dal/settings";

export const metadata: Metadata = { title: "Cài đặt" };

export default async function SettingsPage() {
  const required = await twoFactorPolicy();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Cài đặt bảo mật</h1>
      <div className="max-w-2xl">
        <p>
          Chọn những vai trò phải đăng nhập bằng mật khẩu và mã 6 số từ ứng dụng xác thực. Người thuộc vai trò đó mà chưa bật xác thực hai bước sẽ được đưa tới trang bật ngay ở lần mở trang tiếp
          theo, và không thể tắt khi còn yêu cầu này.
        </p>
        <p className="mt-2">Quản trị viên đã bật xác thực hai bước thì luôn phải dùng, dù có chọn ở đây hay không.</p>
      </div>
      <TwoFactorPolicyForm roles={ROLES.map((role) => ({ role, label: ROLE_LABELS[role], required: required.includes(role) }))} />
      <BackToProfile />
    </div>
  );
}
