/*
 * "Liên kết số văn bản": the document numbers typed in a text (findDocumentNumbers), found in the
 * editor's document, and a transaction that links each one the registry knows to its record. Text
 * already inside a link is left alone, so running it twice changes nothing. Pure ProseMirror.
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { findDocumentNumbers } from "@/lib/documents/number";

export type NumberInDocument = { from: number; to: number; text: string; key: string };

/** Every number in the document's text that is not linked yet, in order, with its canonical key. */
export function documentNumbersIn(doc: PMNode): NumberInDocument[] {
  const found: NumberInDocument[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText || !node.text || node.marks.some((mark) => mark.type.name === "link")) return;
    for (const hit of findDocumentNumbers(node.text)) found.push({ from: pos + hit.start, to: pos + hit.end, text: hit.text, key: hit.number.key });
  });
  return found;
}

/** Adds a link to its record over each number whose key has an address; how many were linked. */
export function linkDocumentNumbers(tr: Transaction, numbers: readonly NumberInDocument[], hrefs: Readonly<Record<string, string>>): number {
  const link = tr.doc.type.schema.marks.link;
  if (!link) return 0;
  let linked = 0;
  for (const number of numbers) {
    const href = hrefs[number.key];
    if (!href) continue;
    // Marks do not move positions, so the ranges found before stay right.
    tr.addMark(number.from, number.to, link.create({ href }));
    linked += 1;
  }
  return linked;
}
