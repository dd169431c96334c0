import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { PageView } from "@/components/article/PageView";
import { getPostPreview } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { postIdField } from "@/lib/validations/post";
import { requestNonce } from "@/lib/security/request-nonce";

// Rendered per request for signed-in staff only; never indexed and never cached publicly.
export const metadata: Metadata = { title: "Xem trước bài viết", robots: { index: false, follow: false } };

export default async function PostPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("post:create");
  const id = postIdField.safeParse((await params).id);
  if (!id.success) notFound();
  const preview = await getPostPreview(id.data);
  if (!preview) notFound();

  return (
    <>
      <div role="note" className="no-print mb-6 flex flex-wrap items-center justify-between gap-3 rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
        <p>
          <strong>Bản xem trước</strong> · {preview.statusLabel}
          {preview.deleted ? " · trong Thùng rác" : ""}. Đây là bản đã lưu, hiển thị như trên trang tin.
        </p>
        <Link href={`/admin/posts/${preview.article.id}`} className="underline underline-offset-4">
          {preview.page ? "Quay lại sửa trang" : "Quay lại sửa bài"}
        </Link>
      </div>
      {preview.page ? <PageView page={preview.page} scriptNonce={await requestNonce()} /> : <ArticleView article={preview.article} scriptNonce={await requestNonce()} />}
    </>
  );
}
