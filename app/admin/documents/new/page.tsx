import type { Metadata } from "next";
import { DocumentForm } from "@/components/admin/documents/DocumentForm";
import { documentTypeOptions } from "@/lib/dal/documents/staff";
import { requirePermission } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Thêm văn bản" };

export default async function NewDocumentPage() {
  await requirePermission("post:create");
  const types = await documentTypeOptions();
  return (
    <>
      <h1 className="text-3xl font-bold">Thêm văn bản</h1>
      <p className="mt-2 mb-6 text-muted">Văn bản được lưu thành bản nháp; tệp đính kèm được thêm sau khi lưu. Biên tập viên xuất bản văn bản lên trang.</p>
      <DocumentForm document={null} types={types} />
    </>
  );
}
