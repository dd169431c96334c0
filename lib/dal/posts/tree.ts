import "server-only";
import { and, eq, isNull, like, max } from "drizzle-orm";
import { posts } from "@/db/schema";
import type { Tx } from "@/lib/dal/connection";
import { keepOldSlug, type SlugSpace } from "./slugs";

/** The position after the last of these siblings (news posts have no siblings: always 0). */
export function nextPosition(tx: Tx, space: SlugSpace, parentId: number | null): number {
  if (space.kind !== "page") return 0;
  const last = tx
    .select({ n: max(posts.position) })
    .from(posts)
    .where(and(eq(posts.kind, space.kind), eq(posts.language, space.language), parentId === null ? isNull(posts.parentId) : eq(posts.parentId, parentId)))
    .get()?.n;
  return (last ?? -1) + 1;
}

/** A page moved from `oldPath` to `newPath`: every page below it moves along, each old address kept to redirect. */
export function movePageDescendants(tx: Tx, space: SlugSpace, oldPath: string, newPath: string): void {
  const below = tx
    .select({ id: posts.id, slug: posts.slug })
    .from(posts)
    .where(and(eq(posts.kind, space.kind), eq(posts.language, space.language), like(posts.slug, `${oldPath.replace(/[%_]/g, "")}/%`)))
    .all()
    .filter((row) => row.slug.startsWith(`${oldPath}/`));
  for (const row of below) {
    const moved = `${newPath}${row.slug.slice(oldPath.length)}`;
    tx.update(posts).set({ slug: moved }).where(eq(posts.id, row.id)).run();
    keepOldSlug(tx, space, row.id, row.slug, moved);
  }
}
