import "server-only";
import { DOMSerializer, type Node } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import { documentText, parseDocument, richTextSchema } from "./document";
import { sanitizeRichHtml } from "./sanitize";

export type RenderedDocument = { json: object; html: string; text: string };

// One inert DOM for the whole process (no scripts, no loading), and one serializer: making a
// window and a schema for every document, as @tiptap/html's generateHTML does, was 30 ms of a save.
let dom: { document: Window["document"]; serializer: DOMSerializer } | undefined;

function toHtml(node: Node): string {
  dom ??= {
    document: new Window({
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
    }).document,
    serializer: DOMSerializer.fromSchema(richTextSchema()),
  };
  const wrap = dom.document.createElement("div");
  dom.serializer.serializeFragment(node.content, { document: dom.document as unknown as Document }, wrap as unknown as HTMLElement);
  return wrap.innerHTML;
}

/** Editor JSON → validated document → HTML through the shared extensions' schema → sanitized HTML and plain text. */
export function renderDocument(json: unknown): RenderedDocument {
  const node = parseDocument(json);
  return { json: node.toJSON() as object, html: sanitizeRichHtml(toHtml(node)), text: documentText(node) };
}
