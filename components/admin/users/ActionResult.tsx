"use client";

import { useState } from "react";

/**
 * The one live region of a user-administration screen: the result of the last action and, once,
 * a temporary password to hand over. It is never stored, so a reload makes it disappear.
 */
export function ActionResult({ ok, message, secret, secretLabel }: { ok?: boolean; message?: string; secret?: string; secretLabel?: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <div className={`flex flex-col gap-3 rounded-md border px-3 py-2 ${ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}>
          <p>{message}</p>
          {ok && secret && <TemporaryPassword secret={secret} label={secretLabel ?? "Mật khẩu tạm thời"} />}
        </div>
      )}
    </div>
  );
}

function TemporaryPassword({ secret, label }: { secret: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <p>
        <span className="font-semibold">{label}: </span>
        <code data-testid="temporary-password" className="rounded bg-page px-2 py-1 font-mono text-lg text-ink select-all">
          {secret}
        </code>
      </p>
      <p className="text-sm">
        Mật khẩu này chỉ hiển thị một lần, hệ thống không lưu lại. Hãy chuyển cho người dùng qua kênh an toàn; họ sẽ phải đổi mật khẩu ngay
        khi đăng nhập lần đầu.
      </p>
      <p>
        <button
          type="button"
          onClick={() => {
            navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
          className="min-h-11 rounded-md border border-line bg-page px-3 font-semibold text-ink"
        >
          {copied ? "Đã sao chép" : "Sao chép mật khẩu"}
        </button>
      </p>
    </div>
  );
}
