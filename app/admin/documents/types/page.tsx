import type { Metadata } from "next";
import Link from "next/link";
import { AttachmentLimitForm } from "@/components/admin/documents/AttachmentLimitForm";
import { DocumentTypesManager } from "@/components/admin/documents/DocumentTypesManager";
import { attachmentLimit, listDocumentTypesForStaff } from "@/lib/dal/documents/staff";
import { mayPerform, requirePermission } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Loại văn bản" };

export default async function DocumentTypesPage() {
  const user = await requirePermission("category:manage");
  const [types, limitMb] = await Promise.all([listDocumentTypesForStaff(), attachmentLimit()]);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/documents" className="inline-flex min-h-11 items-center underline underline-offset-4">
          ‹ Danh sách văn bản
        </Link>
      </p>
      <h1 className="text-3xl font-bold">Loại văn bản</h1>
      <p className="max-w-3xl">
        Thứ tự dưới đây là thứ tự các loại trong ô chọn của biểu mẫu và bộ lọc “Loại văn bản” ở trang Văn bản. Chỉ xoá được loại chưa có văn bản nào.
      </p>
      <DocumentTypesManager types={types} />
      {mayPerform(user, "settings:manage") && (
        <section aria-labelledby="gioi-han-tep" className="flex flex-col gap-3 border-t border-line pt-6">
          <h2 id="gioi-han-tep" className="text-2xl font-bold">
            Giới hạn tệp đính kèm
          </h2>
          <p className="max-w-3xl">Dung lượng lớn nhất của mỗi tệp đính kèm văn bản, áp dụng cho tệp tải lên và tệp nhập từ danh sách. Mặc định 50 MB.</p>
          <AttachmentLimitForm megabytes={limitMb} />
        </section>
      )}
    </div>
  );
}
