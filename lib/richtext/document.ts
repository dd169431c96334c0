import { getSchema, type JSONContent } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { richTextExtensions } from "@/lib/richtext/extensions";
import { canonicalizeAttributes } from "./attribute-rules";

let schema: Schema | undefined;

export function richTextSchema(): Schema {
  schema ??= getSchema(richTextExtensions);
  return schema;
}

export class InvalidDocumentError extends Error {}

const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);

/**
 * ProseMirror silently drops attributes its schema does not know; a stored document must not
 * carry anything the editor could not have made, so unknown keys and attributes are refused here.
 */
function assertKnownKeys(json: unknown, schema: Schema, depth = 0): void {
  if (depth > 200) throw new Error("document nested too deeply");
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new Error("node is not an object");
  const node = json as Record<string, unknown>;
  const type = schema.nodes[String(node.type)];
  if (!type) throw new Error(`unknown node type ${String(node.type)}`);
  for (const key of Object.keys(node)) if (!NODE_KEYS.has(key)) throw new Error(`unknown key ${key} on ${type.name}`);
  for (const key of Object.keys((node.attrs as object | undefined) ?? {})) {
    if (!(key in (type.spec.attrs ?? {}))) throw new Error(`unknown attribute ${key} on ${type.name}`);
  }
  for (const mark of (node.marks as unknown[] | undefined) ?? []) {
    const m = mark as Record<string, unknown>;
    const markType = schema.marks[String(m?.type)];
    if (!markType) throw new Error(`unknown mark ${String(m?.type)}`);
    for (const key of Object.keys(m)) if (!MARK_KEYS.has(key)) throw new Error(`unknown key ${key} on mark ${markType.name}`);
    for (const key of Object.keys((m.attrs as object | undefined) ?? {})) {
      if (!(key in (markType.spec.attrs ?? {}))) throw new Error(`unknown attribute ${key} on mark ${markType.name}`);
    }
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) throw new Error(`content of ${type.name} is not a list`);
    for (const child of node.content) assertKnownKeys(child, schema, depth + 1);
  }
}

/**
 * Rebuilds a document with the editor's schema; unknown nodes, marks or attributes, attribute
 * values the editor cannot make (./attribute-rules.ts), or content that breaks the schema, are
 * refused rather than stored.
 */
export function parseDocument(json: unknown): PMNode {
  if (!json || typeof json !== "object" || (json as JSONContent).type !== "doc") {
    throw new InvalidDocumentError("Nội dung bài viết không hợp lệ.");
  }
  try {
    assertKnownKeys(json, richTextSchema());
    // Checked with the schema's defaults filled in, so a heading without a level is seen as level 1.
    const withDefaults = richTextSchema().nodeFromJSON(json).toJSON() as JSONContent;
    const node = richTextSchema().nodeFromJSON(canonicalizeAttributes(withDefaults));
    node.check();
    return node;
  } catch (error) {
    throw new InvalidDocumentError(`Nội dung bài viết không hợp lệ: ${(error as Error).message}`);
  }
}

/** Plain text of a document, blocks separated by blank lines (used for search and read-outs). */
export function documentText(node: PMNode): string {
  return node.textBetween(0, node.content.size, "\n\n", "\n").trim();
}
