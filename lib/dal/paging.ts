import { count, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./connection";

/** One page of a list, and where it stands among all of them. */
export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

/** Page number clamped into 1…pageCount (at least one page, even when empty), and its row offset. */
export function pageOf(total: number, requested: number | undefined, size: number): { page: number; pageCount: number; offset: number } {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pageCount);
  return { page, pageCount, offset: (page - 1) * size };
}

/** How many rows of `table` match `where`. */
export function countRows(db: Pick<Db, "select">, table: SQLiteTable, where?: SQL): number {
  return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

/** The page asked for (clamped into range) of a list of `total` rows; `rows` reads `size` of them from `offset`. */
export function readPage<T>(total: number, requested: number | undefined, size: number, rows: (offset: number) => T[]): Page<T> {
  const { page, pageCount, offset } = pageOf(total, requested, size);
  return { items: total === 0 ? [] : rows(offset), page, pageCount, total };
}
