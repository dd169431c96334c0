import { getSchema, type JSONContent } from "@tiptap/core";
import { DOMParser as PMDOMParser } from "@tiptap/pm/model";
import type { MediaDto } from "@/lib/dal/media/store";
import { figureAttrsFromMedia } from "@/lib/media/client-upload";
import { isPendingImageSrc } from "@/lib/richtext/image-sources";
import { cleanPastedHtml } from "@/lib/richtext/paste-clean";
import { dataUrlToBlob, editorSchemaExtensions, EXTENSION_OF, withoutPendingImages, type Uploader } from "./editor-extensions";

/**
 * Opening a Word file as a new post: mammoth (a maintained .docx converter) turns it into HTML in
 * the browser, the first heading becomes the title, the rest goes through the same cleaner as a
 * paste and becomes an editor document; embedded pictures are uploaded to the media library.
 */

export const DOCX_MAX_BYTES = 50 * 1024 * 1024;

export const DOCX_MESSAGES = {
  notDocx: "Chỉ nhập được tệp Word định dạng .docx. Với tệp .doc cũ, hãy mở bằng Word và lưu lại dưới dạng .docx.",
  notZip: "Tệp này không phải tệp Word .docx hợp lệ (có thể đã bị đổi đuôi).",
  tooLarge: "Tệp Word lớn hơn 50 MB; hãy giảm kích thước ảnh trong tệp rồi thử lại.",
  unreadable: "Không đọc được tệp Word này. Tệp có thể bị hỏng hoặc được đặt mật khẩu.",
  empty: "Tệp Word không có nội dung để nhập.",
} as const;

export class DocxImportError extends Error {}

/** Word's title and caption styles, which mammoth does not map by itself. */
export const DOCX_STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='caption'] => p.caption:fresh", "p[style-name='Caption'] => p.caption:fresh"];

/** A picture followed by a caption-styled paragraph (Insert Caption in Word) becomes one figure with its caption. */
function joinCaptions(body: HTMLElement): void {
  for (const caption of Array.from(body.querySelectorAll("p.caption"))) {
    const previous = caption.previousElementSibling;
    const img = previous?.tagName === "P" && previous.children.length === 1 && !(previous.textContent ?? "").trim() ? previous.querySelector(":scope > img") : null;
    if (!previous || !img) continue;
    const figure = body.ownerDocument.createElement("figure");
    const figcaption = body.ownerDocument.createElement("figcaption");
    figcaption.append(...Array.from(caption.childNodes));
    figure.append(img, figcaption);
    previous.replaceWith(figure);
    caption.remove();
  }
}

export type DocxResult = { title: string; content: JSONContent; warnings: string[] };

/** The title: the first Heading 1 (Word's usual title style); else a heading that opens the document; else the first paragraph. */
function takeTitle(body: HTMLElement): string {
  const blocks = Array.from(body.children).filter((el) => (el.textContent ?? "").trim() !== "");
  const first = blocks[0];
  const element = body.querySelector("h1") ?? (first && /^H[1-6]$/.test(first.tagName) ? first : null) ?? body.querySelector("p") ?? first;
  if (!element) return "";
  const title = (element.textContent ?? "").replace(/\s+/g, " ").trim().normalize("NFC");
  element.remove();
  return title;
}

/** Checks a chosen file before reading it: the name says .docx and the bytes are a ZIP package. */
export async function readDocxFile(file: File): Promise<ArrayBuffer> {
  if (!/\.docx$/i.test(file.name)) throw new DocxImportError(DOCX_MESSAGES.notDocx);
  if (file.size > DOCX_MAX_BYTES) throw new DocxImportError(DOCX_MESSAGES.tooLarge);
  const buffer = await file.arrayBuffer();
  const head = new Uint8Array(buffer.slice(0, 4));
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) throw new DocxImportError(DOCX_MESSAGES.notZip);
  return buffer;
}

/** HTML (from mammoth) → title and editor document, pictures uploaded. Separate from mammoth so it can be tested alone. */
export async function htmlToPost(
  html: string,
  upload: Uploader,
  onProgress: (message: string) => void = () => {},
): Promise<DocxResult> {
  const warnings: string[] = [];
  const dom = new DOMParser().parseFromString(html, "text/html");
  const title = takeTitle(dom.body);
  const unsupported = Array.from(dom.body.querySelectorAll("img")).filter((img) => !/^data:image\/(png|jpeg|gif|webp);/i.test(img.getAttribute("src") ?? "")).length;
  if (unsupported > 0) warnings.push(`${unsupported} ảnh có định dạng không hỗ trợ (như EMF, TIFF) đã bị bỏ qua; hãy lưu các ảnh đó dưới dạng JPEG hoặc PNG rồi chèn lại.`);

  joinCaptions(dom.body);
  const cleaned = new DOMParser().parseFromString(cleanPastedHtml(dom.body.innerHTML), "text/html");
  const schema = getSchema(editorSchemaExtensions());
  const json = PMDOMParser.fromSchema(schema).parse(cleaned.body).toJSON() as JSONContent;

  // Upload each distinct picture once, in document order.
  const sources: string[] = [];
  const collect = (node: JSONContent) => {
    if (node.type === "figure" && isPendingImageSrc(node.attrs?.src) && !sources.includes(node.attrs!.src as string)) sources.push(node.attrs!.src as string);
    node.content?.forEach(collect);
  };
  collect(json);
  const uploaded = new Map<string, MediaDto>();
  let failed = 0;
  for (const [index, src] of sources.entries()) {
    onProgress(`Đang tải ảnh ${index + 1}/${sources.length} lên thư viện…`);
    const blob = dataUrlToBlob(src);
    try {
      if (!blob) throw new Error("unreadable");
      uploaded.set(src, await upload(blob, `anh-tu-word-${index + 1}.${EXTENSION_OF[blob.type] ?? "png"}`));
    } catch {
      failed += 1;
    }
  }
  if (failed > 0) warnings.push(`Không tải được ${failed} ảnh trong tệp lên thư viện; các ảnh đó đã bị bỏ qua.`);

  const replace = (node: JSONContent): JSONContent => {
    if (node.type === "figure") {
      const media = uploaded.get(node.attrs?.src as string);
      return media ? { ...node, attrs: { ...node.attrs, ...figureAttrsFromMedia(media, node.attrs?.alt as string) } } : node;
    }
    return node.content ? { ...node, content: node.content.map(replace) } : node;
  };
  // Pictures that did not upload are left out, never saved as data: addresses.
  const content = withoutPendingImages(replace(json));
  const hasText = JSON.stringify(content).includes('"text"') || sources.length > failed;
  if (!title && !hasText) throw new DocxImportError(DOCX_MESSAGES.empty);
  return { title, content, warnings };
}

/** The whole import of one chosen file. mammoth is loaded only when someone actually imports. */
export async function importDocx(file: File, upload: Uploader, onProgress: (message: string) => void = () => {}): Promise<DocxResult> {
  const buffer = await readDocxFile(file);
  onProgress("Đang đọc tệp Word…");
  let html: string;
  try {
    const { default: mammoth } = await import("mammoth");
    // externalFileAccess off: a .docx may link to files on the author's disk or network; never follow them.
    html = (await mammoth.convertToHtml({ arrayBuffer: buffer }, { styleMap: DOCX_STYLE_MAP, externalFileAccess: false })).value;
  } catch {
    throw new DocxImportError(DOCX_MESSAGES.unreadable);
  }
  return htmlToPost(html, upload, onProgress);
}
