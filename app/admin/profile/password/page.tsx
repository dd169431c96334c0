import type { Metadata } from "next";
import { BackToProfile } from "@/components/admin/BackToProfile";
import { PasswordForm } from "@/components/admin/profile/PasswordForm";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

// Reachable before the first steps are done: this is where a temporary password is replaced.
export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPending: true });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Đổi mật khẩu</h1>
      {user.mustChangePassword ? (
        <div role="note" className="max-w-2xl rounded-md border-2 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <p className="font-bold">Bạn đang dùng mật khẩu tạm thời.</p>
          <p className="mt-2">
            Mật khẩu này do quản trị viên cấp (hoặc hệ thống tạo ra) nên người khác có thể đã biết. Trước khi làm việc tiếp, hãy đặt một mật khẩu mới chỉ mình bạn biết: nhập mật khẩu tạm thời vào ô
            “Mật khẩu hiện tại”, rồi chọn mật khẩu mới.
          </p>
        </div>
      ) : (
        <p className="max-w-2xl">Sau khi đổi mật khẩu, tài khoản sẽ bị đăng xuất trên mọi thiết bị khác; trình duyệt này vẫn đăng nhập.</p>
      )}
      <PasswordForm email={user.email} min={PASSWORD_MIN} max={PASSWORD_MAX} />
      {!user.mustChangePassword && (
        <BackToProfile />
      )}
    </div>
  );
}
