import { formatFileSize } from "@/lib/attachments/headers";
import { ATTACHMENT_TYPES, type AttachmentKind } from "@/lib/attachments/kinds";
import type { DocumentDetail } from "@/lib/dal/documents/staff";
import { RemoveAttachmentButton } from "./RemoveAttachmentButton";

const EXTRACTION: Record<string, string> = {
  text: "đã đọc được chữ để tìm kiếm",
  scanned: "bản scan: không có chữ để tìm kiếm (cần OCR)",
  unsupported: "không đọc chữ loại tệp này",
  failed: "không đọc được chữ trong tệp",
};

/**
 * A document's files on its edit screen: each with its type, size, what the search could read and
 * any warning (a PDF with JavaScript…); and the upload form, a plain multipart form (no JavaScript
 * needed) checked by content on the server under the size setting.
 */
export function AttachmentsPanel({ document, limitMb, outcome, editable }: { document: DocumentDetail; limitMb: number; outcome: { ok?: string; error?: string }; editable: boolean }) {
  return (
    <section aria-labelledby="tep-dinh-kem" className="mt-10 max-w-3xl">
      <h2 id="tep-dinh-kem" className="text-2xl font-bold">
        Tệp đính kèm
      </h2>
      <div role="status" aria-live="polite">
        {outcome.ok && <p className="mt-2 rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900">{outcome.ok}</p>}
        {outcome.error && <p className="mt-2 rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">{outcome.error}</p>}
      </div>
      {document.files.length === 0 ? (
        <p className="mt-2 text-muted">Chưa có tệp nào.</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3">
          {document.files.map((file) => (
            <li key={file.id} className="rounded-md border border-line p-3">
              <p className="font-semibold">{file.label}</p>
              <p className="text-sm">
                {file.originalName} · {ATTACHMENT_TYPES[file.kind as AttachmentKind].label}, {formatFileSize(file.bytes)} · {EXTRACTION[file.extraction]}
              </p>
              {file.flags.length > 0 && (
                <ul className="mt-1 list-disc pl-6 text-sm font-semibold">
                  {file.flags.map((flag) => (
                    <li key={flag}>Cảnh báo: {flag}</li>
                  ))}
                </ul>
              )}
              {editable && <RemoveAttachmentButton documentId={document.id} attachmentId={file.id} label={file.label} />}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form method="post" action={`/api/documents/${document.id}/attachments`} encType="multipart/form-data" className="mt-4 flex flex-col gap-3 rounded-md border border-line p-4">
          <h3 className="font-semibold">Đính kèm tệp</h3>
          <p id="attachment-hint" className="text-sm text-muted">
            PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT, ODS) hoặc ZIP; tối đa {limitMb} MB. Loại tệp được kiểm tra theo nội dung, không theo tên.
          </p>
          <label htmlFor="attachment-file" className="font-semibold">
            Tệp
          </label>
          <input id="attachment-file" name="file" type="file" required aria-describedby="attachment-hint" accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.zip" />
          <label htmlFor="attachment-label" className="font-semibold">
            Nhãn (ví dụ: Văn bản ký số, Phụ lục)
          </label>
          <input id="attachment-label" name="label" maxLength={200} className="min-h-11 rounded-md border border-line bg-page px-3 text-ink" />
          <div>
            <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
              Tải tệp lên
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
