import Link from "next/link";
import { ListTable } from "@/components/admin/table/ListTable";
import { formatAdminTime } from "@/components/admin/users/labels";
import type { RevisionSummary } from "@/lib/dal/posts";
import { PublishedBadge } from "./PublishedBadge";

const LINK = "inline-flex min-h-11 items-center underline underline-offset-4";

/** One page of a post's history, newest first, each with its view and its comparison with the one before. */
export function RevisionTable({ postId, items }: { postId: number; items: RevisionSummary[] }) {
  const base = `/admin/posts/${postId}/revisions`;
  return (
    <ListTable caption="Các phiên bản của bài viết, mới nhất trước" columns={["Phiên bản", "Loại", "Người thực hiện", "Thời gian", "Ghi chú", "Xem và so sánh"]} className="mt-4">
      {items.map((revision) => (
        <tr key={revision.id} data-revision-id={revision.id} className="border-b border-line align-top">
          <td className="px-3 py-2 whitespace-nowrap">
            <span className="font-semibold">#{revision.number}</span> {revision.published && <PublishedBadge />}
          </td>
          <td className="px-3 py-2">{revision.kindLabel}</td>
          <td className="px-3 py-2">{revision.actorName}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            <time dateTime={revision.createdAt}>{formatAdminTime(revision.createdAt)}</time>
          </td>
          <td className="px-3 py-2">{revision.note}</td>
          <td className="px-3 py-2">
            <div className="flex flex-wrap gap-x-4">
              <Link href={`${base}/${revision.id}`} className={LINK}>
                Xem<span className="sr-only"> phiên bản #{revision.number}</span>
              </Link>
              {revision.number > 1 && (
                <Link href={`${base}/compare?to=${revision.id}`} className={LINK}>
                  So sánh với bản trước<span className="sr-only"> (phiên bản #{revision.number})</span>
                </Link>
              )}
            </div>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
