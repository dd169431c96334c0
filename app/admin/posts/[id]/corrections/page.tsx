import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CorrectionForm } from "@/components/admin/corrections/CorrectionForm";
import { formatAdminTime } from "@/components/admin/users/labels";
import { getPostCorrections } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { postIdField } from "@/lib/validations/post";
import { formatVietnamDate } from "@/lib/vi/date-line";

export const metadata: Metadata = { title: "Đính chính", robots: { index: false, follow: false } };

const LINK = "inline-flex min-h-11 items-center underline underline-offset-4";

export default async function CorrectionsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("post:create");
  const id = postIdField.safeParse((await params).id);
  if (!id.success) notFound();
  const found = await getPostCorrections(id.data);
  if (!found) notFound();
  const { post, items } = found;

  return (
    <>
      <p className="flex flex-wrap gap-x-6">
        <Link href={`/admin/posts/${post.id}`} className={LINK}>
          ‹ Quay lại bài viết
        </Link>
        {post.isPublic && (
          <Link href={`/tin-tuc/${post.slug}`} target="_blank" rel="noopener" className={LINK}>
            Xem trên trang tin
          </Link>
        )}
      </p>
      <h1 className="mt-2 text-3xl font-bold">Đính chính</h1>
      <p className="mt-2 text-lg">“{post.title}”</p>

      <section aria-labelledby="cac-dinh-chinh" className="mt-6 max-w-2xl">
        <h2 id="cac-dinh-chinh" className="text-2xl font-bold">
          Các đính chính đã đăng
        </h2>
        {items.length === 0 ? (
          <p className="mt-2">Bài viết chưa có đính chính nào.</p>
        ) : (
          <ol className="mt-2 flex flex-col gap-3">
            {items.map((item) => (
              <li key={item.id} className="border-l-4 border-line pl-3">
                <p>
                  <strong>Đính chính ngày {formatVietnamDate(new Date(item.createdAt))}:</strong> {item.text}
                </p>
                <p className="text-sm text-muted">
                  {item.actorName} · <time dateTime={item.createdAt}>{formatAdminTime(item.createdAt)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="mt-10">
        {post.canCorrect ? (
          <CorrectionForm postId={post.id} />
        ) : (
          <p className="max-w-2xl rounded-md border border-line bg-surface px-3 py-2">
            {post.isPublic ? "Chỉ biên tập viên và quản trị viên được thêm đính chính." : "Bài viết chưa hiển thị trên trang tin nên chưa thể đính chính."}
          </p>
        )}
      </div>
    </>
  );
}
