import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublishedBadge } from "@/components/admin/revisions/PublishedBadge";
import { RevisionTable } from "@/components/admin/revisions/RevisionTable";
import { Pagination } from "@/components/posts/Pagination";
import { getRevisionHistory } from "@/lib/dal/posts";
import { requirePermission } from "@/lib/dal/session";
import { listHref } from "@/lib/routing/list-href";
import { postIdField } from "@/lib/validations/post";
import { revisionPageQuerySchema } from "@/lib/validations/revision";

export const metadata: Metadata = { title: "Lịch sử phiên bản", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RevisionHistoryPage({ params, searchParams }: Props) {
  await requirePermission("post:create");
  const id = postIdField.safeParse((await params).id);
  if (!id.success) notFound();
  const { page } = revisionPageQuerySchema.parse(await searchParams);
  // Another author's post is answered exactly like a missing one (the data layer's constraint).
  const history = await getRevisionHistory(id.data, page);
  if (!history) notFound();
  const base = `/admin/posts/${history.post.id}/revisions`;

  return (
    <>
      <p>
        <Link href={`/admin/posts/${history.post.id}`} className="inline-flex min-h-11 items-center underline underline-offset-4">
          ‹ Quay lại bài viết
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Lịch sử phiên bản</h1>
      <p className="mt-2 text-lg">“{history.post.title}”</p>
      <p className="mt-4">
        {history.total.toLocaleString("vi-VN")} phiên bản · trang {history.page}/{history.pageCount}. Ngày giờ theo giờ Việt Nam.
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <PublishedBadge /> phiên bản từng hiển thị trên trang tin: là hồ sơ công khai, không ai sửa hay xoá được.
      </p>
      <p className="mt-2">
        <Link href={`${base}/compare`} className="inline-flex min-h-11 items-center underline underline-offset-4">
          So sánh hai phiên bản
        </Link>
      </p>
      <RevisionTable postId={history.post.id} items={history.items} />
      <Pagination page={history.page} pageCount={history.pageCount} hrefFor={(p) => listHref(base, {}, p)} />
    </>
  );
}
