import "server-only";
import { categories, posts } from "@/db/schema";
import type { Db } from "./connection";
import { countRows } from "./paging";

/** True on a database that has never held content: the only time the demo content may be seeded. */
export function isEmptySite(db: Pick<Db, "select">): boolean {
  return countRows(db, posts) + countRows(db, categories) === 0;
}
