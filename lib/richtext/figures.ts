// The figures of an editor document and their descriptions; pure, so the editor's live checklist
// and the server's publish check read a document the same way.

export type DocNode = { type?: string; attrs?: Record<string, unknown>; content?: unknown };

/** Every node of an editor document, parents first; the depth cap stops a hostile, endlessly nested body. */
export function documentNodes(json: unknown): DocNode[] {
  const found: DocNode[] = [];
  const walk = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 200) return;
    found.push(node as DocNode);
    const { content } = node as DocNode;
    if (Array.isArray(content)) for (const child of content) walk(child, depth + 1);
  };
  walk(json, 0);
  return found;
}

export const figures = (json: unknown) => documentNodes(json).filter((node) => node.type === "figure");

export const altOf = (node: DocNode) => String(node.attrs?.alt ?? "").trim();

/** Vietnamese labels of the body images that have no description (alt), in document order. */
export function bodyImagesWithoutAlt(body: unknown): string[] {
  return figures(body)
    .map((f, i) => ({ alt: altOf(f), label: `ảnh thứ ${i + 1} trong nội dung` }))
    .filter((f) => !f.alt)
    .map((f) => f.label);
}
