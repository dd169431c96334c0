import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { foldForSearch } from "@/lib/vi/fold";

// `cms_fold` is registered on every connection by db/open.ts (SQLite has no Vietnamese folding).

/** The expression folded as search folds it: lower case, no diacritics, đ → d. */
export function folded(expr: SQLWrapper): SQL {
  return sql`cms_fold(${expr})`;
}

/**
 * Diacritics- and case-insensitive "contains". instr() rather than LIKE, so `%` and `_` typed in
 * a search box stay plain characters. Null when the text folds to nothing (no condition).
 */
export function foldedContains(expr: SQLWrapper, text: string | undefined): SQL | null {
  const needle = foldForSearch(text ?? "");
  return needle ? sql`instr(${folded(expr)}, ${needle}) > 0` : null;
}
