import "server-only";
import { generateHTML } from "@tiptap/html/server";
import { richTextExtensions } from "@/lib/richtext/extensions";
import { documentText, parseDocument } from "./document";
import { sanitizeRichHtml } from "./sanitize";

export type RenderedDocument = { json: object; html: string; text: string };

/** Editor JSON → validated document → HTML through the shared extensions → sanitized HTML and plain text. */
export function renderDocument(json: unknown): RenderedDocument {
  const node = parseDocument(json);
  const normalized = node.toJSON() as object;
  const html = sanitizeRichHtml(generateHTML(normalized, richTextExtensions));
  return { json: normalized, html, text: documentText(node) };
}
