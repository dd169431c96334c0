import { getSchema, type JSONContent } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { richTextExtensions } from "@/components/editor/extensions";

let schema: Schema | undefined;

export function richTextSchema(): Schema {
  schema ??= getSchema(richTextExtensions);
  return schema;
}

export class InvalidDocumentError extends Error {}

/**
 * Rebuilds a document with the editor's schema; unknown nodes, marks or attributes, or content
 * that breaks the schema, are refused rather than stored.
 */
export function parseDocument(json: unknown): PMNode {
  if (!json || typeof json !== "object" || (json as JSONContent).type !== "doc") {
    throw new InvalidDocumentError("Nội dung bài viết không hợp lệ.");
  }
  try {
    const node = richTextSchema().nodeFromJSON(json);
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
