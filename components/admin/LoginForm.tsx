"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

const MESSAGES: Record<string, string> = {
  CREDENTIALS: "E-mail hoặc mật khẩu không đúng.",
  TOTP_INVALID: "Mã xác thực không đúng hoặc đã hết hạn.",
  TOTP_REQUIRED: "Tài khoản này dùng xác thực hai bước: nhập mã 6 số từ ứng dụng xác thực, hoặc một mã khôi phục.",
};

function lockedMessage(iso: string): string {
  const until = new Date(iso);
  const time = Number.isNaN(until.getTime())
    ? "ít phút nữa"
    : until.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
  return `Đăng nhập sai quá nhiều lần nên tạm thời bị chặn. Vui lòng thử lại sau ${time}.`;
}

/** Only site-relative admin paths are followed after sign-in (no open redirect). */
function safeDestination(raw: string | null): string {
  return raw && raw.startsWith("/admin") && !raw.startsWith("//") ? raw : "/admin";
}

/** `onSignedIn`: signed in again without leaving the page (the editor's dialog) instead of going on to `callbackUrl`. */
export function LoginForm({ callbackUrl, onSignedIn }: { callbackUrl: string | null; onSignedIn?: () => void }) {
  const [email, setEmail] = useState("");
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    }).catch(() => null);
    setPending(false);
    if (result?.ok && !result.error) {
      if (onSignedIn) onSignedIn();
      else window.location.assign(safeDestination(callbackUrl));
      return;
    }
    const code = result?.error ?? "";
    if (code === "TOTP_REQUIRED") setNeedsCode(true);
    setError(code.startsWith("LOCKED:") ? lockedMessage(code.slice(7)) : (MESSAGES[code] ?? "Không đăng nhập được. Vui lòng thử lại."));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <div role="alert" aria-live="assertive">
        {error && <p className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">{error}</p>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-semibold">
          E-mail
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className="min-h-11 rounded-md border border-line bg-page px-3 text-ink"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-semibold">
          Mật khẩu
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="min-h-11 rounded-md border border-line bg-page px-3 text-ink" />
      </div>
      {needsCode && (
        <div className="flex flex-col gap-1">
          <label htmlFor="code" className="font-semibold">
            Mã xác thực
          </label>
          <input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            className="min-h-11 rounded-md border border-line bg-page px-3 text-ink"
          />
        </div>
      )}
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand px-4 font-semibold text-brand-ink disabled:opacity-60">
        {pending ? "Đang đăng nhập…" : "Đăng nhập"}
      </button>
    </form>
  );
}
