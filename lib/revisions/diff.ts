import { diffWords } from "diff";

/*
 * Word diffs of two revisions of a post, for the history screen: what was added and removed in
 * the title, the lead and the body text. Pure (strings in, parts out), so it is unit-tested.
 */

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type TextDiff = { parts: DiffPart[]; wordsAdded: number; wordsRemoved: number };

export type RevisionText = { title: string; lead: string; bodyText: string };
export type FieldDiff = { field: string; label: string; diff: TextDiff };

export const DIFF_FIELDS: ReadonlyArray<{ field: keyof RevisionText; label: string }> = [
  { field: "title", label: "Tiêu đề" },
  { field: "lead", label: "Sapo" },
  { field: "bodyText", label: "Nội dung" },
];

// A long body rewritten from top to bottom can make the word diff slow; past this it is shown
// as all removed and all added, which is what it is for a reader anyway.
const DIFF_TIMEOUT_MS = 1500;

const WORD = /[\p{L}\p{N}]+/gu;
const countWords = (text: string) => text.match(WORD)?.length ?? 0;

function summarize(parts: DiffPart[]): TextDiff {
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const part of parts) {
    if (part.kind === "added") wordsAdded += countWords(part.text);
    if (part.kind === "removed") wordsRemoved += countWords(part.text);
  }
  return { parts, wordsAdded, wordsRemoved };
}

/**
 * Words added and removed from `before` to `after`. Both are compared in NFC, since the same
 * Vietnamese letter may arrive precomposed or as base plus marks; a change of spacing alone is
 * not a change (the new spacing is shown).
 */
export function diffText(before: string, after: string): TextDiff {
  const from = before.normalize("NFC");
  const to = after.normalize("NFC");
  if (from === to) return summarize(to ? [{ kind: "same", text: to }] : []);
  const changes = diffWords(from, to, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    return summarize([
      ...(from ? [{ kind: "removed" as const, text: from }] : []),
      ...(to ? [{ kind: "added" as const, text: to }] : []),
    ]);
  }
  const parts: DiffPart[] = [];
  for (const change of changes) {
    if (change.value === "") continue;
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return summarize(parts);
}

/** The diff of each compared field, in the order the article shows them. */
export function diffRevisions(before: RevisionText, after: RevisionText): FieldDiff[] {
  return DIFF_FIELDS.map(({ field, label }) => ({ field, label, diff: diffText(before[field], after[field]) }));
}

/** A kind's own fields as lines of text (a document's registry): each field of either side, diffed. */
export type LabelledLine = { field: string; label: string; text: string };

export function diffLines(before: readonly LabelledLine[], after: readonly LabelledLine[]): FieldDiff[] {
  const fields = [...after, ...before.filter((b) => !after.some((a) => a.field === b.field))];
  return fields.map(({ field, label }) => ({
    field,
    label,
    diff: diffText(before.find((b) => b.field === field)?.text ?? "", after.find((a) => a.field === field)?.text ?? ""),
  }));
}
