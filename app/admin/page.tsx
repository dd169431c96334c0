import Link from "next/link";
import { BackupStatus } from "@/components/admin/BackupStatus";
import { ReplicationStatus } from "@/components/admin/ReplicationStatus";
import { DashboardSection } from "@/components/admin/dashboard/DashboardSection";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";

export default async function AdminHome() {
  const user = await requirePermission("admin:enter");
  const dashboard = await getDashboard();
  const areas = [
    { href: "/admin/posts/new", title: "Viết bài mới", allowed: can(user.role, "post:create") },
    { href: "/admin/posts", title: "Bài viết", allowed: can(user.role, "post:create") },
    { href: "/admin/media", title: "Thư viện ảnh", allowed: can(user.role, "media:upload") },
    { href: "/admin/categories", title: "Chuyên mục", allowed: can(user.role, "category:manage") },
    { href: "/admin/users", title: "Người dùng", allowed: can(user.role, "user:manage") },
    { href: "/admin/activity", title: "Nhật ký hoạt động", allowed: can(user.role, "activity:read") },
    { href: "/admin/profile", title: "Hồ sơ của bạn", allowed: true },
  ].filter((a) => a.allowed);
  const { reviewer } = dashboard;
  const draftsSection = {
    id: "ban-nhap",
    title: "Bản nháp của bạn",
    section: dashboard.drafts,
    moreHref: "/admin/posts?status=draft",
    time: "updated",
    showAuthor: false,
    emptyText: "Bạn không có bản nháp nào.",
  } as const;
  // The same list, the review queue for editors and what they sent for authors.
  const pendingSection = {
    id: "cho-duyet",
    title: reviewer ? "Bài chờ duyệt" : "Bài bạn đã gửi duyệt",
    section: dashboard.pending,
    moreHref: reviewer ? "/admin/posts?status=pending&sort=updated&dir=asc" : "/admin/posts?status=pending",
    time: "updated",
    showAuthor: reviewer,
    emptyText: reviewer ? "Không có bài nào đang chờ duyệt." : "Bạn không có bài nào đang chờ duyệt.",
  } as const;

  return (
    <>
      <h1 className="text-3xl font-bold">Xin chào, {user.name}</h1>
      <p className="mt-2 text-muted">Vai trò: {ROLE_LABELS[user.role]}</p>
      <nav aria-label="Lối tắt" className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {areas.map((area) => (
            <li key={area.href}>
              <Link href={area.href} className="inline-flex min-h-11 items-center underline underline-offset-4">
                {area.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        {/* An editor's first job is the review queue; an author's is their own drafts. */}
        {(reviewer ? [pendingSection, draftsSection] : [draftsSection, pendingSection]).map((section) => (
          <DashboardSection key={section.id} {...section} />
        ))}
        <DashboardSection
          id="hen-gio"
          title="Bài hẹn giờ xuất bản"
          section={dashboard.scheduled}
          moreHref="/admin/posts?status=scheduled&sort=published&dir=asc"
          time="published"
          showAuthor={reviewer}
          emptyText="Không có bài nào hẹn giờ."
        />
        <DashboardSection
          id="moi-xuat-ban"
          title="Mới xuất bản"
          section={dashboard.recent}
          moreHref="/admin/posts?status=published&sort=published"
          time="published"
          showAuthor={reviewer}
          emptyText="Chưa có bài nào được xuất bản."
        />
      </div>

      {/* Operations (issues 7 and 17): the last backup and the continuous replica; render for admins only. */}
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <BackupStatus />
        <ReplicationStatus />
      </div>
    </>
  );
}
