"use client";

import Link from "next/link";
import { useActionState } from "react";
import { manageTwoFactor } from "@/app/admin/profile/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

export type TwoFactorPanelProps = {
  enabled: boolean;
  /** Only while enrolling: the secret as text for manual entry, and its QR code as SVG markup made on the server. */
  enrolment: { secret: string; qrSvg: string } | null;
  recoveryCodesLeft: number;
  mayDisable: boolean;
  /** Why it cannot be turned off, when it cannot. */
  lockedReason: string | null;
};

const secondaryButton = "inline-flex min-h-11 items-center justify-center rounded-md border border-line px-4 font-semibold hover:bg-line/30";

function Intent({ value }: { value: string }) {
  return <input type="hidden" name="intent" value={value} />;
}

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`: easier to copy by eye into an app. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * One action state for every step, kept by this component across the re-render that follows each
 * step, so that recovery codes, which exist only in this response, stay on screen.
 */
export function TwoFactorPanel({ enabled, enrolment, recoveryCodesLeft, mayDisable, lockedReason }: TwoFactorPanelProps) {
  const [state, action] = useActionState(manageTwoFactor, {} as ActionState);
  const lastIntent = state.values?.intent;
  const codes = state.ok && state.secret ? state.secret.split("\n") : null;
  const proofError = (intent: string) => (lastIntent === intent ? state.errors?.currentPasswordOrCode : undefined);

  return (
    <div className="flex flex-col gap-6">
      <FormMessage state={state} />

      {codes && (
        <section aria-labelledby="recovery-codes-heading" className="rounded-md border-2 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <h2 id="recovery-codes-heading" className="text-xl font-bold">
            Mã khôi phục của bạn
          </h2>
          <p className="mt-2">
            Mỗi mã dùng được một lần để đăng nhập khi không có ứng dụng xác thực. Hãy in hoặc chép lại và cất ở nơi an toàn:{" "}
            <strong>các mã này chỉ hiện một lần</strong>.
          </p>
          <ol aria-label="Mã khôi phục" className="mt-3 grid grid-cols-2 gap-2 font-mono text-lg sm:grid-cols-5">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <p className="mt-4">
            <Link href="/admin" className="font-semibold underline underline-offset-4">
              Đã lưu xong, tiếp tục vào trang Quản trị
            </Link>
          </p>
        </section>
      )}

      {enabled ? (
        <>
          <p className="text-lg">
            Trạng thái: <strong>Đang bật</strong>. Khi đăng nhập, ngoài mật khẩu bạn cần nhập mã 6 số từ ứng dụng xác thực (hoặc một mã khôi phục).
          </p>

          <section aria-labelledby="regenerate-heading" className="flex flex-col gap-3 rounded-md border border-line p-4">
            <h2 id="regenerate-heading" className="text-xl font-bold">
              Mã khôi phục
            </h2>
            <p>
              Còn <strong>{recoveryCodesLeft}</strong> mã chưa dùng. Tạo mã mới nếu bạn đã dùng gần hết hoặc làm mất danh sách; các mã cũ sẽ hết hiệu lực.
            </p>
            <form action={action} className="flex max-w-xl flex-col gap-3" noValidate>
              <Intent value="regenerate" />
              <Field label="Mật khẩu hoặc mã xác thực hiện tại" name="currentPasswordOrCode" type="password" autoComplete="current-password" error={proofError("regenerate")} required />
              <div>
                <SubmitButton pendingText="Đang tạo…">Tạo mã khôi phục mới</SubmitButton>
              </div>
            </form>
          </section>

          <section aria-labelledby="disable-heading" className="flex flex-col gap-3 rounded-md border border-line p-4">
            <h2 id="disable-heading" className="text-xl font-bold">
              Tắt xác thực hai bước
            </h2>
            {mayDisable ? (
              <form action={action} className="flex max-w-xl flex-col gap-3" noValidate>
                <Intent value="disable" />
                <Field label="Mật khẩu hoặc mã xác thực hiện tại" name="currentPasswordOrCode" type="password" autoComplete="current-password" error={proofError("disable")} required />
                <div>
                  <SubmitButton pendingText="Đang tắt…">Tắt xác thực hai bước</SubmitButton>
                </div>
              </form>
            ) : (
              <p>{lockedReason}</p>
            )}
          </section>
        </>
      ) : enrolment ? (
        <section aria-labelledby="enrol-heading" className="flex flex-col gap-4">
          <h2 id="enrol-heading" className="text-xl font-bold">
            Bật xác thực hai bước
          </h2>
          <ol className="flex list-decimal flex-col gap-4 pl-6">
            <li>
              <p>Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…) và quét mã QR này:</p>
              <div
                role="img"
                aria-label="Mã QR để thêm tài khoản vào ứng dụng xác thực"
                className="mt-2 h-56 w-56 rounded-md border border-line bg-white p-2"
                // Markup made on the server by the qrcode library from our own otpauth URI.
                dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
              />
              <p className="mt-2">Không quét được? Nhập khoá thiết lập này vào ứng dụng (loại: theo thời gian):</p>
              <p className="mt-1">
                <code data-testid="totp-secret" className="rounded bg-line/40 px-2 py-1 font-mono text-lg break-all">
                  {grouped(enrolment.secret)}
                </code>
              </p>
            </li>
            <li>
              <form action={action} className="flex max-w-xl flex-col gap-3" noValidate>
                <Intent value="confirm" />
                <Field
                  label="Mã 6 số trên ứng dụng"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9 ]*"
                  maxLength={7}
                  error={lastIntent === "confirm" ? state.errors?.code : undefined}
                  required
                />
                <div>
                  <SubmitButton pendingText="Đang kiểm tra…">Xác nhận và bật</SubmitButton>
                </div>
              </form>
            </li>
          </ol>
          <form action={action}>
            <Intent value="cancel" />
            <button type="submit" className={secondaryButton}>
              Huỷ
            </button>
          </form>
        </section>
      ) : (
        <section aria-labelledby="start-heading" className="flex flex-col gap-3">
          <h2 id="start-heading" className="text-xl font-bold">
            Trạng thái: chưa bật
          </h2>
          <p>
            Xác thực hai bước bảo vệ tài khoản ngay cả khi lộ mật khẩu: mỗi lần đăng nhập, bạn nhập thêm một mã 6 số do ứng dụng xác thực trên điện thoại tạo ra.
          </p>
          <form action={action}>
            <Intent value="start" />
            <SubmitButton pendingText="Đang chuẩn bị…">Bật xác thực hai bước</SubmitButton>
          </form>
        </section>
      )}
    </div>
  );
}
