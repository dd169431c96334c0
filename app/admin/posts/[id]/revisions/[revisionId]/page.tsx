import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { PublishedBadge } from "@/components/admin/revisions/PublishedBadge";
import { RestoreRevisionForm } from "@/components/admin/revisions/RestoreRevisionForm";
import { formatAdminTime } from "@/components/admin/users/labels";
import { getRevision } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { postIdField } from "@/lib/validations/post";
import { revisionIdField } from "@/lib/validations/revision";
import { requestNonce } from "@/lib/security/request-nonce";

// Rendered per request for signed-in staff only; never indexed and never cached publicly.
export const metadata: Metadata = { title: "Xem phiên bản", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string; revisionId: string }> };

const LINK = "inline-flex min-h-11 items-center underline underline-offset-4";

export default async function RevisionPage({ params }: Props) {
  await requirePermission("post:create");
  const raw = await params;
  const id = postIdField.safeParse(raw.id);
  const revisionId = revisionIdField.safeParse(raw.revisionId);
  if (!id.success || !revisionId.success) notFound();
  const view = await getRevision(id.data, revisionId.data);
  if (!view) notFound();
  const { post, revision } = view;
  const base = `/admin/posts/${post.id}/revisions`;

  return (
    <>
      <div role="note" className="no-print mb-6 flex flex-col gap-3 rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
        <p>
          <strong>Phiên bản #{revision.number}</strong> · {revision.kindLabel} · {revision.actorName} ·{" "}
          <time dateTime={revision.createdAt}>{formatAdminTime(revision.createdAt)}</time>
          {revision.note && ` · ${revision.note}`} {revision.published && <PublishedBadge />}
        </p>
        <p>Hiển thị như trên trang tin. Đây là một phiên bản đã lưu, không phải bài hiện tại.</p>
        {revision.categoryMissing && <p className="font-semibold">Chuyên mục của phiên bản này không còn tồn tại, nên không khôi phục được.</p>}
        <p className="flex flex-wrap gap-x-6">
          <Link href={base} className={LINK}>
            ‹ Lịch sử phiên bản
          </Link>
          {view.previousId !== null && (
            <Link href={`${base}/compare?to=${revision.id}`} className={LINK}>
              So sánh với bản trước
            </Link>
          )}
          <Link href={`/admin/posts/${post.id}`} className={LINK}>
            Bài hiện tại
          </Link>
        </p>
        {post.canRestore && <RestoreRevisionForm postId={post.id} revisionId={revision.id} version={post.version} number={revision.number} />}
      </div>
      {view.registry.length > 0 && (
        <section aria-labelledby="revision-registry" className="mb-6 max-w-3xl">
          <h2 id="revision-registry" className="text-xl font-bold">
            Các trường của sổ văn bản ở phiên bản này
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            {view.registry.map(({ field, label, text }) => (
              <div key={field} className="contents">
                <dt className="font-semibold">{label}</dt>
                <dd className="whitespace-pre-line">{text || "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <ArticleView article={view.article} scriptNonce={await requestNonce()} />
    </>
  );
}
