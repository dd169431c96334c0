import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentsPanel } from "@/components/admin/documents/AttachmentsPanel";
import { DocumentForm } from "@/components/admin/documents/DocumentForm";
import { PostTrashControls } from "@/components/admin/posts/PostTrashControls";
import { attachmentLimit, documentTypeOptions, getDocumentForEdit } from "@/lib/dal/documents/staff";
import { requirePermission } from "@/lib/dal/session";
import { postIdField } from "@/lib/validations/post";

export const metadata: Metadata = { title: "Sửa văn bản" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function EditDocumentPage({ params, searchParams }: Props) {
  await requirePermission("post:create");
  const id = postIdField.safeParse((await params).id);
  if (!id.success) notFound();
  // Another author's document is answered exactly like a missing one (the data layer's constraint).
  const document = await getDocumentForEdit(id.data);
  if (!document) notFound();
  const [types, limitMb] = await Promise.all([documentTypeOptions(), attachmentLimit()]);
  const query = await searchParams;
  const editable = document.permissions.edit && !document.deletedAt;
  return (
    <>
      <p>
        <Link href="/admin/documents" className="underline underline-offset-4">
          ‹ Danh sách văn bản
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {document.registry.number}: {editable ? "sửa văn bản" : document.title}
      </h1>
      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Trạng thái</dt>
        <dd data-testid="post-status">{document.deletedAt ? `${document.statusLabel} (trong Thùng rác)` : document.statusLabel}</dd>
        <dt className="font-semibold">Người tạo</dt>
        <dd>{document.author?.name ?? "—"}</dd>
      </dl>
      <p className="mt-2 flex flex-wrap gap-x-6">
        <Link href={`/admin/posts/${document.id}/revisions`} className="inline-flex min-h-11 items-center underline underline-offset-4">
          Lịch sử phiên bản
        </Link>
        {document.status === "published" && !document.deletedAt && (
          <Link href={`/van-ban/${document.slug}`} className="inline-flex min-h-11 items-center underline underline-offset-4">
            Xem trên trang
          </Link>
        )}
      </p>
      {first(query.moi) === "1" && (
        <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          Đã lưu bản nháp. Hãy đính kèm tệp bên dưới.
        </p>
      )}
      {document.review && (
        <div role="note" className="mt-4 max-w-3xl rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-bold">Văn bản bị trả lại: ghi chú của {document.review.by || "biên tập viên"}</p>
          <p className="mt-1 whitespace-pre-line">{document.review.note}</p>
        </div>
      )}
      <div className="mt-6">
        {editable ? (
          <DocumentForm key={document.id} document={document} types={types} transitions={document.transitions} />
        ) : (
          <p className="rounded-md border border-line bg-surface px-3 py-2">Bạn không sửa được văn bản này: tác giả chỉ sửa được bản nháp và bản chờ duyệt của mình.</p>
        )}
      </div>
      <AttachmentsPanel document={document} limitMb={limitMb} editable={editable} outcome={{ ok: first(query["tep-ok"])?.slice(0, 500), error: first(query["tep-loi"])?.slice(0, 500) }} />
      {(document.permissions.trash || document.permissions.restore) && (
        <div className="mt-10">
          <PostTrashControls id={document.id} title={document.title} trashed={Boolean(document.deletedAt)} />
        </div>
      )}
    </>
  );
}
