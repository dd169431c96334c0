import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_CSP,
  attachmentHeaders,
  attachmentStorageName,
  contentDisposition,
  contentHash,
  formatFileSize,
  parseAttachmentStorageName,
} from "@/lib/attachments/headers";
import { AttachmentError } from "@/lib/attachments/kinds";
import { cleanAttachmentName, downloadFileName } from "@/lib/attachments/name";

/** The filename* value decoded as RFC 8187 says a browser does. */
function decodedExtended(header: string): string {
  const value = /filename\*=UTF-8''([^;\s]+)/.exec(header)?.[1];
  expect(value).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/); // attr-char and %HH only
  return decodeURIComponent(value!);
}

const fallbackOf = (header: string) => /filename="([^"]*)"/.exec(header)?.[1];

describe("contentDisposition", () => {
  it("carries a Vietnamese name with spaces and quotes: UTF-8 in filename*, plain ASCII in filename", () => {
    const name = 'Quyết định số 65 "bản ký số" – Cục SHTT.pdf';
    const header = contentDisposition("attachment", name);
    expect(header).toBe(
      "attachment; filename=\"Quyet dinh so 65 _ban ky so_ _ Cuc SHTT.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2065%20%22b%E1%BA%A3n%20k%C3%BD%20s%E1%BB%91%22%20%E2%80%93%20C%E1%BB%A5c%20SHTT.pdf",
    );
    expect(decodedExtended(header)).toBe(name);
  });

  it("keeps backslashes, percent signs, path separators and control characters out of both names", () => {
    const header = contentDisposition("inline", 'a\\b/c%41\r\nContent-Type: text/html\u0000"d".pdf');
    expect(header).not.toMatch(/[\r\n\u0000]/);
    expect(header.startsWith("inline; ")).toBe(true);
    const fallback = fallbackOf(header)!;
    expect(fallback).toBe("a_b_c_41Content-Type: text_html_d_.pdf");
    expect(decodedExtended(header)).toBe('a_b_c%41Content-Type: text_html"d".pdf');
  });

  it("encodes ' ( ) * which encodeURIComponent leaves, and survives a lone surrogate", () => {
    const header = contentDisposition("attachment", "Phụ lục (kèm theo)*'.xlsx");
    expect(header).toContain("filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20%28k%C3%A8m%20theo%29%2A%27.xlsx");
    expect(() => contentDisposition("attachment", "x\uD800y.pdf")).not.toThrow();
    expect(contentDisposition("attachment", "\u0001")).toContain('filename="tep-dinh-kem"');
  });
});

describe("cleanAttachmentName and downloadFileName", () => {
  it("keeps the name as the uploader saw it, without folders, controls or bidi tricks", () => {
    expect(cleanAttachmentName("C:\\Users\\Lan\\Desktop\\Quyết định 65.pdf")).toBe("Quyết định 65.pdf");
    expect(cleanAttachmentName("../../etc/passwd")).toBe("passwd");
    expect(cleanAttachmentName("hoa-don\u202Efdp.exe")).toBe("hoa-donfdp.exe");
    expect(cleanAttachmentName("  Quyết đi\u0323nh\u0000 .pdf  ")).toBe("Quyết định .pdf");
    expect(cleanAttachmentName("...")).toBe("tep-dinh-kem");
    expect(() => cleanAttachmentName(`${"a".repeat(201)}.pdf`)).toThrow(AttachmentError);
  });

  it("gives the download the extension of what the file really is", () => {
    expect(downloadFileName("Quyết định 65.pdf", "pdf")).toBe("Quyết định 65.pdf");
    expect(downloadFileName("Quyết định 65.PDF", "docx")).toBe("Quyết định 65.docx");
    expect(downloadFileName("Báo cáo v1.2", "xlsx")).toBe("Báo cáo v1.2.xlsx");
    expect(downloadFileName("trang.html", "zip")).toBe("trang.zip");
    expect(downloadFileName("", "pdf")).toBe("tep-dinh-kem.pdf");
  });
});

describe("attachmentHeaders", () => {
  it("sends the exact type, nosniff, a sandbox policy and the Vietnamese name; PDF may be inline", () => {
    const headers = attachmentHeaders({ kind: "pdf", fileName: "Nghị định 65/2023/NĐ-CP.pdf", size: 123456, inline: true });
    expect(headers).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": "123456",
      "Content-Disposition": "inline; filename=\"Nghi dinh 65_2023_ND-CP.pdf\"; filename*=UTF-8''Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2065_2023_N%C4%90-CP.pdf",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": ATTACHMENT_CSP,
      "X-Frame-Options": "SAMEORIGIN",
      "Cross-Origin-Resource-Policy": "same-origin",
    });
    expect(ATTACHMENT_CSP).toBe("sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
  });

  it("makes everything but PDF a download, and names it by its real type", () => {
    const headers = attachmentHeaders({ kind: "docx", fileName: "Dự thảo.pdf", size: 10, inline: true });
    expect(headers["Content-Type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(headers["Content-Disposition"]).toBe("attachment; filename=\"Du thao.docx\"; filename*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o.docx");
    expect(attachmentHeaders({ kind: "pdf", fileName: "a.pdf", size: 1 })["Content-Disposition"]).toMatch(/^attachment;/);
    expect(attachmentHeaders({ kind: "xls", fileName: "a", size: 1 })["Content-Type"]).toBe("application/vnd.ms-excel");
    expect(attachmentHeaders({ kind: "odt", fileName: "a", size: 1 })["Content-Type"]).toBe("application/vnd.oasis.opendocument.text");
  });
});

describe("storage names", () => {
  it("are the content hash and the checked type's extension, and nothing else parses", () => {
    const hash = contentHash(Buffer.from("%PDF-1.7"));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const name = attachmentStorageName(hash, "pdf");
    expect(name).toBe(`${hash}.pdf`);
    expect(parseAttachmentStorageName(name)).toEqual({ hash, kind: "pdf" });
    for (const bad of [`../${name}`, `${hash}.PDF`, `${hash}.html`, `${hash}.pdf\u0000.png`, `%2e%2e%2f${name}`, `${hash.slice(1)}.pdf`, `${hash}.pdf/`]) {
      expect(parseAttachmentStorageName(bad), bad).toBeNull();
    }
    expect(() => attachmentStorageName("../../x", "pdf")).toThrow();
  });
});

describe("formatFileSize", () => {
  it.each([
    [0, "0 byte"],
    [512, "512 byte"],
    [1024, "1 KB"],
    [1536, "1,5 KB"],
    [850 * 1024, "850 KB"],
    [1023.7 * 1024, "1 MB"],
    [1.2 * 1024 * 1024, "1,2 MB"],
    [12.4 * 1024 * 1024, "12 MB"],
    [50 * 1024 * 1024, "50 MB"],
    [3.25 * 1024 ** 3, "3,3 GB"],
  ])("%d bytes → %s", (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
