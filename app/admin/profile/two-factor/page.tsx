import type { Metadata } from "next";
import { BackToProfile } from "@/components/admin/BackToProfile";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { TwoFactorPanel } from "@/components/admin/profile/TwoFactorPanel";
import { totpUri } from "@/lib/auth/totp";
import { twoFactorStatus } from "@/lib/dal/profile";
import { requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Xác thực hai bước" };

// Reachable before the first steps are done: a role that requires two-factor sign-in enrols here.
export default async function TwoFactorPage() {
  const user = await requireUser({ allowPending: true });
  // A temporary password is replaced first, as requireUser would do elsewhere.
  if (user.mustChangePassword) redirect("/admin/profile/password");
  const status = await twoFactorStatus();
  const enrolment = status.pendingSecret
    ? { secret: status.pendingSecret, qrSvg: await QRCode.toString(totpUri(status.pendingSecret, user.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" }) }
    : null;
  const lockedReason = status.requiredForRole
    ? "Quản trị viên yêu cầu vai trò của bạn dùng xác thực hai bước, nên không thể tắt."
    : user.role === "admin"
      ? "Tài khoản Quản trị viên đã bật xác thực hai bước thì không thể tắt. Nếu mất điện thoại, hãy dùng mã khôi phục rồi tạo mã mới."
      : null;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Xác thực hai bước</h1>
      {user.mustEnrollTotp && (
        <div role="note" className="max-w-2xl rounded-md border-2 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <p className="font-bold">Vai trò của bạn bắt buộc dùng xác thực hai bước.</p>
          <p className="mt-2">Quản trị viên đã yêu cầu. Hãy bật xác thực hai bước dưới đây để tiếp tục làm việc.</p>
        </div>
      )}
      <TwoFactorPanel
        enabled={status.enabled}
        enrolment={enrolment}
        recoveryCodesLeft={status.recoveryCodesLeft}
        mayDisable={status.mayDisable}
        lockedReason={lockedReason}
      />
      {!user.mustEnrollTotp && (
        <BackToProfile />
      )}
    </div>
  );
}
