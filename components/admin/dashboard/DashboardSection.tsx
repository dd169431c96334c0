import Link from "next/link";
import { formatAdminTime } from "@/components/admin/users/labels";
import type { DashboardItem, DashboardSection as Section } from "@/lib/dal/posts";

type TimeShown = "updated" | "published";

/** One list of the start page: a few posts, what matters about each, and the way to all of them. */
export function DashboardSection({
  id,
  title,
  section,
  moreHref,
  time,
  showAuthor,
  emptyText,
}: {
  id: string;
  title: string;
  section: Section;
  moreHref: string;
  time: TimeShown;
  showAuthor: boolean;
  emptyText: string;
}) {
  return (
    <section aria-labelledby={id} className="rounded-md border border-line p-4">
      <h2 id={id} className="text-xl font-bold">
        {title} <span className="font-normal">({section.total})</span>
      </h2>
      {section.items.length === 0 ? (
        <p className="mt-2 text-muted">{emptyText}</p>
      ) : (
        <ul className="mt-2 flex flex-col divide-y divide-line">
          {section.items.map((item) => (
            <DashboardRow key={item.id} item={item} time={time} showAuthor={showAuthor} />
          ))}
        </ul>
      )}
      {section.total > section.items.length && (
        <p className="mt-3">
          <Link href={moreHref} className="inline-flex min-h-11 items-center underline underline-offset-4">
            Xem tất cả {section.total} bài<span className="sr-only"> — {title}</span>
          </Link>
        </p>
      )}
    </section>
  );
}

function DashboardRow({ item, time, showAuthor }: { item: DashboardItem; time: TimeShown; showAuthor: boolean }) {
  const when = time === "published" && item.publishedAt ? item.publishedAt : item.updatedAt;
  return (
    <li className="py-2">
      <Link href={`/admin/posts/${item.id}`} className="font-semibold underline underline-offset-4">
        {item.title}
      </Link>
      {item.returned && <span className="ml-2 rounded border border-amber-700 bg-amber-50 px-1.5 text-sm text-amber-950">Bị từ chối, có ghi chú</span>}
      <p className="text-sm text-muted">
        {item.category?.name ?? "Trang"}
        {showAuthor && item.author ? ` · ${item.author.name}` : ""}
        {" · "}
        {time === "published" ? (item.status === "scheduled" ? "Hẹn lúc " : "Xuất bản ") : "Sửa "}
        {formatAdminTime(when)}
      </p>
    </li>
  );
}
