import type { PublicAttachment } from "@/lib/dal/documents";
import { formatFileSize } from "@/lib/attachments/headers";

/** A document's files, each with its type and size before the link (its full address when printed); a PDF can also be opened in the browser. */
export function DocumentFiles({ files, origin }: { files: PublicAttachment[]; /** The site's address, for the file addresses a printed copy shows. */ origin: string }) {
  if (files.length === 0) return <p className="mt-2 text-muted">Văn bản này chưa có tệp đính kèm.</p>;
  return (
    <ul className="mt-2 flex flex-col gap-3">
      {files.map((file) => (
        <li key={file.id} className="rounded-md border border-line p-3">
          <p className="font-semibold">{file.label}</p>
          <p className="text-sm text-muted">
            {file.typeLabel}, {formatFileSize(file.bytes)}
            {file.scanned ? " · bản scan, không tìm kiếm được chữ trong tệp" : ""}
          </p>
          <p className="mt-1 hidden break-all text-sm print:block" data-testid="file-address">
            {origin}
            {file.href}
          </p>
          <p className="no-print mt-2 flex flex-wrap gap-x-4 gap-y-2">
            <a href={file.href} download className="inline-flex min-h-11 items-center text-link underline underline-offset-4">
              Tải về<span className="sr-only">: {file.label} ({file.typeLabel}, {formatFileSize(file.bytes)})</span>
            </a>
            {file.previewHref && (
              <a href={file.previewHref} className="inline-flex min-h-11 items-center text-link underline underline-offset-4">
                Xem trên trình duyệt<span className="sr-only">: {file.label}</span>
              </a>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
