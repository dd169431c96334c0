"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      // No server-side redirect: next-auth would build it from NEXTAUTH_URL, which may not be the host in use.
      onClick={() => signOut({ redirect: false }).then(() => router.replace("/login"))}
      className="min-h-11 rounded-md border border-brand-ink px-3 font-semibold text-brand-ink"
    >
      Đăng xuất
    </button>
  );
}
