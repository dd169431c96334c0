import "server-only";
import { gt, lt, max } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { cacheInvalidations } from "@/db/schema";

type Writer = Pick<Db, "insert">;

const INSERT_SLICE = 1000;

/** Queues tags for revalidation, in the caller's transaction so the queue and the content commit together. */
export function queueInvalidation(tx: Writer, tags: string[]): void {
  // In slices: one row per tag is one SQL variable, and SQLite allows 32,766 in a statement.
  for (let start = 0; start < tags.length; start += INSERT_SLICE) {
    tx.insert(cacheInvalidations)
      .values(tags.slice(start, start + INSERT_SLICE).map((tag) => ({ tag })))
      .run();
  }
}

export function latestInvalidationId(db: Db): number {
  return db.select({ id: max(cacheInvalidations.id) }).from(cacheInvalidations).get()?.id ?? 0;
}

/** A reader of the newest id, prepared once: called before a page goes out, where building the query each time would cost more than running it. */
export function newestInvalidationReader(db: Db): () => number {
  const statement = db.select({ id: max(cacheInvalidations.id) }).from(cacheInvalidations).prepare();
  return () => statement.get()?.id ?? 0;
}

export function invalidationsAfter(db: Db, afterId: number): { lastId: number; tags: string[] } {
  const rows = db
    .select({ id: cacheInvalidations.id, tag: cacheInvalidations.tag })
    .from(cacheInvalidations)
    .where(gt(cacheInvalidations.id, afterId))
    .orderBy(cacheInvalidations.id)
    .all();
  return { lastId: rows.at(-1)?.id ?? afterId, tags: [...new Set(rows.map((r) => r.tag))] };
}

/** The queue is only read forward from the newest id at start, so old rows are history. */
export function pruneInvalidations(db: Db, olderThan: Date): void {
  db.delete(cacheInvalidations).where(lt(cacheInvalidations.createdAt, olderThan)).run();
}
