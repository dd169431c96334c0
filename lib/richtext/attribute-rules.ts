import type { JSONContent } from "@tiptap/core";
import { isAllowedHref } from "./links";

/*
 * The values each attribute may hold in a stored document: exactly what the editor can make.
 * ProseMirror checks an attribute's presence, not its value, so without these a crafted save
 * could store `javascript:` links, heading level 9 or a list start of `1" onclick=…` (the HTML
 * readers get is sanitized anyway, but the stored document is the record). The figure node
 * validates its own attributes (lib/richtext/nodes/figure.ts); a unit test checks that
 * every attribute of the schema is covered by one or the other.
 */

type Check = (value: unknown) => boolean;
/** `nullMeans`: the default a null stands for (a pasted `start="x"` or `colspan=""` reaches us as NaN, which JSON writes as null). */
type Rule = { ok: Check; nullMeans?: number };

const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);
const integer =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);

const TEXT_ALIGN: Rule = { ok: orNull(oneOf("left", "center", "right", "justify")) };
const SPAN: Rule = { ok: integer(1, 1000), nullMeans: 1 };
const CELL: Record<string, Rule> = {
  colspan: SPAN,
  rowspan: SPAN,
  colwidth: { ok: orNull((v) => Array.isArray(v) && v.length <= 1000 && v.every(integer(0, 100_000))) },
  align: { ok: orNull(oneOf("left", "center", "right")) },
};

export const NODE_ATTRIBUTE_RULES: Record<string, Record<string, Rule>> = {
  paragraph: { textAlign: TEXT_ALIGN },
  // The editor offers h2–h4; pasted h1 and h5/h6 are folded into them (lib/richtext/paste-clean.ts).
  heading: { level: { ok: oneOf(2, 3, 4) }, textAlign: TEXT_ALIGN },
  orderedList: { start: { ok: integer(-999_999, 999_999), nullMeans: 1 }, type: { ok: orNull(oneOf("1", "a", "A", "i", "I")) } },
  tableCell: CELL,
  tableHeader: CELL,
};

export const MARK_ATTRIBUTE_RULES: Record<string, Record<string, Rule>> = {
  link: {
    href: { ok: (v) => typeof v === "string" && v.length <= 2048 && isAllowedHref(v) },
    // What earlier versions of the editor wrote on every link; the page's renderer sets its own.
    target: { ok: orNull(oneOf("_blank")) },
    rel: { ok: orNull((v) => typeof v === "string" && /^[a-z ]{0,64}$/.test(v)) },
    class: { ok: oneOf(null) },
    title: { ok: orNull((v) => typeof v === "string" && v.length <= 500) },
  },
};

function applyRules(type: string, attrs: Record<string, unknown> | undefined, rules: Record<string, Rule> | undefined): void {
  if (!attrs || !rules) return;
  for (const [name, rule] of Object.entries(rules)) {
    if (!(name in attrs)) continue;
    const value = attrs[name];
    if (value === null && rule.nullMeans !== undefined) attrs[name] = rule.nullMeans;
    else if (!rule.ok(value)) throw new Error(`attribute ${name} of ${type} may not be ${JSON.stringify(value)?.slice(0, 60)}`);
  }
}

/**
 * Checks every attribute of a document (as ProseMirror's toJSON gives it: defaults filled in)
 * against the rules, in place: a value outside them throws; a null that stands for a default
 * becomes that default.
 */
export function canonicalizeAttributes(node: JSONContent, depth = 0): JSONContent {
  if (depth > 200) throw new Error("document nested too deeply");
  const type = String(node.type);
  applyRules(type, node.attrs, NODE_ATTRIBUTE_RULES[type]);
  for (const mark of node.marks ?? []) applyRules(mark.type, mark.attrs, MARK_ATTRIBUTE_RULES[mark.type]);
  for (const child of node.content ?? []) canonicalizeAttributes(child, depth + 1);
  return node;
}
