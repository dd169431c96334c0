// ProseMirror positions computed from a stored editor document (JSON), without building the
// document: the pre-publish checks run in the editor and on the server from the same JSON, and a
// finding carries the position the editor moves the cursor to.
//
// ProseMirror counts like this: the document's content starts at 0; a text node takes one position
// per UTF-16 code unit of its text; a leaf node (a line break, a horizontal rule) takes one; any other
// node takes its content plus two, one for its opening and one for its closing. A node's position is
// the position just before it (where `doc.nodeAt(pos)` finds it), and its content starts one later.

export type JsonNode = { type?: unknown; attrs?: Record<string, unknown>; text?: unknown; marks?: unknown; content?: unknown };

/** Node types of the editor's schema (lib/richtext/extensions.ts) that have no content at all. */
export const LEAF_NODE_TYPES: ReadonlySet<string> = new Set(["hardBreak", "horizontalRule"]);

const MAX_DEPTH = 200;

export const childNodes = (node: JsonNode): JsonNode[] =>
  Array.isArray(node.content) ? node.content.filter((c): c is JsonNode => !!c && typeof c === "object") : [];

/** How many positions a node takes, as ProseMirror's `node.nodeSize`. */
export function nodeSize(node: JsonNode, depth = 0): number {
  if (node.type === "text") return typeof node.text === "string" ? node.text.length : 0;
  if (LEAF_NODE_TYPES.has(String(node.type))) return 1;
  if (depth > MAX_DEPTH) return 2;
  return 2 + childNodes(node).reduce((sum, child) => sum + nodeSize(child, depth + 1), 0);
}

export type PositionedNode = { node: JsonNode; pos: number; parent: JsonNode; index: number; depth: number };

/**
 * Every node under the document, parents before children, with its position (as ProseMirror's
 * `doc.descendants`). Return false from `visit` to skip a node's children.
 */
export function walkWithPositions(doc: unknown, visit: (entry: PositionedNode) => boolean | void): void {
  if (!doc || typeof doc !== "object") return;
  const walk = (parent: JsonNode, start: number, depth: number) => {
    if (depth > MAX_DEPTH) return;
    let pos = start;
    childNodes(parent).forEach((node, index) => {
      const descend = visit({ node, pos, parent, index, depth });
      if (descend !== false && node.type !== "text") walk(node, pos + 1, depth + 1);
      pos += nodeSize(node);
    });
  };
  walk(doc as JsonNode, 0, 0);
}

/** The text of a node's inline content; a line break counts as a space. */
export function inlineText(node: JsonNode): string {
  return childNodes(node)
    .map((child) => (child.type === "text" && typeof child.text === "string" ? child.text : child.type === "hardBreak" ? " " : ""))
    .join("");
}
