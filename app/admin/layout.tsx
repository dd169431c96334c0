import type { Metadata } from "next";
import Link from "next/link";
import { SessionKeepAlive } from "@/components/admin/SessionKeepAlive";
import { SignOutButton } from "@/components/admin/SignOutButton";
import { can, ROLE_LABELS, type Action } from "@/lib/auth/permissions";
import { verifySession } from "@/lib/dal/session";
import { getSiteProfile } from "@/lib/dal/public/site";

export async function generateMetadata(): Promise<Metadata> {
  const name = getSiteProfile().name;
  return { title: { default: "Quản trị", template: `%s | Quản trị | ${name}` }, robots: { index: false } };
}

const NAV: Array<{ href: string; label: string; action: Action }> = [
  { href: "/admin", label: "Tổng quan", action: "admin:enter" },
  { href: "/admin/posts", label: "Bài viết", action: "post:create" },
  { href: "/admin/pages", label: "Trang", action: "post:create" },
  { href: "/admin/documents", label: "Văn bản", action: "post:create" },
  { href: "/admin/media", label: "Thư viện ảnh", action: "media:upload" },
  { href: "/admin/categories", label: "Chuyên mục", action: "category:manage" },
  { href: "/admin/menus", label: "Trình đơn", action: "menu:manage" },
  { href: "/admin/home", label: "Bố cục trang chủ", action: "home:manage" },
  { href: "/admin/users", label: "Người dùng", action: "user:manage" },
  { href: "/admin/activity", label: "Nhật ký hoạt động", action: "activity:read" },
  { href: "/admin/settings", label: "Cài đặt", action: "settings:manage" },
  { href: "/admin/profile", label: "Hồ sơ", action: "admin:enter" },
];

/**
 * Chrome only: every page below checks the session and permission itself through lib/dal,
 * because a layout is not re-run on every navigation and must never be the check.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  return (
    <>
      <header className="on-brand bg-brand text-brand-ink">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-xl font-bold">
            <Link href="/admin" className="text-brand-ink">
              Quản trị · {getSiteProfile().name}
            </Link>
          </p>
          {user && (
            <div className="flex flex-wrap items-center gap-3">
              <span>
                {user.name} ({ROLE_LABELS[user.role]})
              </span>
              <SignOutButton />
            </div>
          )}
        </div>
        {user && !user.mustChangePassword && !user.mustEnrollTotp && (
          <nav aria-label="Quản trị" className="border-t border-brand-ink/40">
            <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2">
              {NAV.filter((item) => can(user.role, item.action)).map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="inline-block px-2 py-3 font-semibold text-brand-ink underline-offset-4 hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
              <li>
                <Link href="/" className="inline-block px-2 py-3 font-semibold text-brand-ink underline-offset-4 hover:underline">
                  Xem trang tin
                </Link>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="noi-dung" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      {user && <SessionKeepAlive />}
    </>
  );
}
