import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PostForm } from "@/components/admin/posts/PostForm";
import { editablePost } from "@/lib/editor/post-form";
import { PostTrashControls } from "@/components/admin/posts/PostTrashControls";
import { PostHistoryLinks } from "@/components/admin/revisions/PostHistoryLinks";
import { formatAdminTime } from "@/components/admin/users/labels";
import { KINDS } from "@/lib/content/kinds";
import { pagePlacement } from "@/lib/dal/pages";
import { getPostForEdit, listCategoryOptions } from "@/lib/dal/posts";
import { getTranslationPanel } from "@/lib/dal/translations";
import { TranslationFacts, TranslationNotes } from "@/components/admin/translations/TranslationSection";
import { TranslationSource } from "@/components/admin/translations/TranslationSource";
import { requirePermission } from "@/lib/dal/session";
import { postIdField } from "@/lib/validations/post";

export const metadata: Metadata = { title: "Sửa bài viết" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditPostPage({ params, searchParams }: Props) {
  const user = await requirePermission("post:create");
  const id = postIdField.safeParse((await params).id);
  if (!id.success) notFound();
  // Another author's post is answered exactly like a missing one (the data layer's constraint).
  const post = await getPostForEdit(id.data);
  if (!post) notFound();
  // A legal document has its own screen.
  if (post.kind === "document") redirect(KINDS.document.adminHref(post.id));
  const isPage = post.kind === "page";
  const [categories, placement, translation] = await Promise.all([isPage ? [] : listCategoryOptions(), isPage ? pagePlacement(post.id, post.language) : null, getTranslationPanel(post.id)]);
  const query = await searchParams;
  const justCreated = query.moi === "1";
  const justTranslated = query["ban-dich"] === "1";

  const isPublic = post.status === "published" || post.status === "scheduled";
  const isLive = post.status === "published" && !post.deletedAt;
  // What the settings panel's status section shows.
  const facts = (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="font-semibold">Tác giả</dt>
      <dd>{post.author?.name ?? "—"}</dd>
      <dt className="font-semibold">Cập nhật</dt>
      <dd>{formatAdminTime(post.updatedAt)}</dd>
      {post.publishedAt && isPublic && (
        <>
          <dt className="font-semibold">Xuất bản</dt>
          <dd>
            {formatAdminTime(post.publishedAt)}
            {isLive && (
              <>
                {" · "}
                <Link href={KINDS[post.kind].href(post.slug, post.language)} target="_blank" rel="noopener" className="underline underline-offset-4">
                  Xem trên trang tin<span className="sr-only"> (mở trong thẻ mới)</span>
                </Link>
              </>
            )}
          </dd>
        </>
      )}
      {translation?.language === "vi" && <TranslationFacts panel={translation} postId={post.id} />}
    </dl>
  );
  const translationNotes = translation?.language === "en" ? <TranslationNotes panel={translation} justCreated={justTranslated} /> : null;
  const notes = (post.review || justCreated || translationNotes) && (
    <>
      {translationNotes}
      {post.review && (
        <div role="note" aria-labelledby="review-note-title" className="rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-2 text-amber-950">
          <h2 id="review-note-title" className="font-bold">
            Bài bị từ chối — ghi chú của {post.review.by || "biên tập viên"} lúc {formatAdminTime(post.review.at)}
          </h2>
          <p className="mt-1 whitespace-pre-line" data-testid="review-note">
            {post.review.note}
          </p>
          <p className="mt-1 text-sm">Sửa theo ghi chú rồi bấm “Gửi duyệt” để gửi lại.</p>
        </div>
      )}
      {justCreated && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          Đã lưu bản nháp. Bạn có thể viết tiếp.
        </p>
      )}
    </>
  );

  if (post.permissions.edit && !post.deletedAt) {
    return (
      <>
        <h1 className="sr-only">{isPage ? "Sửa trang" : "Sửa bài viết"}</h1>
        <PostForm
          key={post.id}
          post={editablePost(post)}
          categories={categories}
          placement={placement}
          defaults={{ source: post.author?.unit ?? user.unit }}
          transitions={post.transitions}
          isPublic={isPublic}
          isLive={isLive}
          statusLabel={post.statusLabel}
          facts={facts}
          notes={notes || null}
          beside={translation?.language === "en" && translation.source ? <TranslationSource source={translation.source} /> : null}
        />
        {post.permissions.trash && (
          <div className="mt-10">
            <PostTrashControls id={post.id} title={post.title} trashed={false} />
          </div>
        )}
      </>
    );
  }

  return (
    <>
      <p>
        <Link href={isPage ? "/admin/pages" : "/admin/posts"} className="underline underline-offset-4">
          {isPage ? "‹ Các trang" : "‹ Danh sách bài viết"}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{post.permissions.edit ? (isPage ? "Sửa trang" : "Sửa bài viết") : post.title}</h1>
      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Trạng thái</dt>
        <dd data-testid="post-status">{post.deletedAt ? `${post.statusLabel} (trong Thùng rác)` : post.statusLabel}</dd>
      </dl>
      <div className="mt-2">{facts}</div>
      {translationNotes}
      <PostHistoryLinks postId={post.id} isPublic={isLive} />
      <div className="mt-6">
        {post.deletedAt ? (
          <p className="rounded-md border border-line bg-surface px-3 py-2">
            Bài viết này đang ở Thùng rác từ {formatAdminTime(post.deletedAt)}. {post.permissions.restore ? "Khôi phục để sửa tiếp." : "Biên tập viên có thể khôi phục bài."}
          </p>
        ) : (
          <p className="rounded-md border border-line bg-surface px-3 py-2">
            Bạn không sửa được bài viết này: tác giả chỉ sửa được bản nháp và bài chờ duyệt của mình.{" "}
            <Link href={`/admin/posts/${post.id}/preview`} className="underline underline-offset-4">
              Xem trước
            </Link>
          </p>
        )}
      </div>

      {(post.permissions.trash || post.permissions.restore) && (
        <div className="mt-10">
          <PostTrashControls id={post.id} title={post.title} trashed={Boolean(post.deletedAt)} />
        </div>
      )}
    </>
  );
}
