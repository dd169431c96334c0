"use client";

import type { JSONContent } from "@tiptap/core";
import { useId, useRef, useState } from "react";
import { uploadImage } from "@/lib/media/client-upload";
import { DocxImportError, importDocx } from "./docx-import";

/**
 * `Nhập từ Word`: choose a .docx file; its first heading becomes the title and the rest the body
 * (headings, paragraphs, lists, tables, pictures uploaded to the library), converted in the browser.
 */
export function DocxImport({ onImported }: { onImported: (result: { title: string; content: JSONContent }) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const hintId = useId();

  async function run(file: File) {
    setBusy(true);
    setError("");
    setStatus(`Đang nhập “${file.name}”…`);
    try {
      const result = await importDocx(file, (blob, name) => uploadImage(blob, name), setStatus);
      onImported({ title: result.title, content: result.content });
      setStatus([`Đã nhập “${file.name}”. Hãy kiểm tra lại tiêu đề và nội dung trước khi lưu.`, ...result.warnings].join(" "));
    } catch (e) {
      setStatus("");
      setError(e instanceof DocxImportError ? e.message : "Không nhập được tệp Word này. Vui lòng thử lại.");
      if (!(e instanceof DocxImportError)) console.error("[docx import]", e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={busy}
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
          className="inline-flex min-h-11 items-center rounded-md border border-line bg-page px-4 font-semibold disabled:opacity-60"
        >
          {busy ? "Đang nhập…" : "Nhập từ Word"}
        </button>
        <span id={hintId} className="text-sm text-muted">
          Tệp .docx: tiêu đề đầu tiên thành tiêu đề bài, phần còn lại thành nội dung.
        </span>
      </div>
      <input
        ref={input}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        hidden
        data-testid="docx-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void run(file);
        }}
      />
      <p role="status" className="text-sm empty:hidden">
        {status}
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 font-semibold text-red-900">
          {error}
        </p>
      )}
    </div>
  );
}
