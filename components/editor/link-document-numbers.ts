/*
 * The toolbar's "Liên kết số văn bản": asks the registry which of the numbers typed in the text it
 * holds (/api/documents/numbers), then links them in one step (undone by one Ctrl+Z). Returns the
 * sentence the editor announces.
 */
import type { Editor } from "@tiptap/core";
import { documentNumbersIn, linkDocumentNumbers } from "@/lib/richtext/document-number-links";

export async function linkDocumentNumbersIn(editor: Editor): Promise<string> {
  const keys = [...new Set(documentNumbersIn(editor.state.doc).map((n) => n.key))];
  if (keys.length === 0) return "Không có số văn bản nào chưa được liên kết trong nội dung.";
  let hrefs: Record<string, string>;
  try {
    const response = await fetch(`/api/documents/numbers?${keys.map((k) => `so=${encodeURIComponent(k)}`).join("&")}`, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw new Error(String(response.status));
    hrefs = ((await response.json()) as { hrefs: Record<string, string> }).hrefs;
  } catch {
    return "Chưa kiểm tra được các số văn bản do mất kết nối hoặc lỗi hệ thống. Hãy thử lại.";
  }
  // The text may have changed while the answer came: the numbers are found again in the text as it is now.
  const numbers = documentNumbersIn(editor.state.doc);
  const tr = editor.state.tr;
  const linked = linkDocumentNumbers(tr, numbers, hrefs);
  if (linked > 0) editor.view.dispatch(tr);
  const left = numbers.length - linked;
  return `Đã liên kết ${linked} số văn bản với sổ văn bản.${left > 0 ? ` ${left} số không có trong sổ văn bản (hoặc nhiều cơ quan cùng số) nên chưa liên kết.` : ""}`;
}
