/**
 * Linking a translation to its original: both rows get the original's translation group (the id
 * of the first of them, CONVENTIONS.md "Translations are rows, linked"). Each stays its own post
 * with its own slug, status and revisions; only the group is shared.
 */
import "server-only";
import { and, eq, isNull, ne, or } from "drizzle-orm";
import { posts, type ContentKind, type Language } from "@/db/schema";
import type { Db, Tx } from "@/lib/dal/connection";

export type TranslationOriginal = { id: number; translationGroupId: number | null; categoryId: number | null };

/** A post of `kind` in `language` by its current slug, out of the trash, whatever its status; undefined without one. */
export function findOriginal(db: Pick<Db, "select">, slug: string, kind: ContentKind = "post", language: Language = "vi"): TranslationOriginal | undefined {
  return db
    .select({ id: posts.id, translationGroupId: posts.translationGroupId, categoryId: posts.categoryId })
    .from(posts)
    .where(and(eq(posts.kind, kind), eq(posts.language, language), eq(posts.slug, slug), isNull(posts.deletedAt)))
    .get();
}

/** Whether the original's group already has a version in `language` (the trash included: it may be restored). */
export function hasTranslationIn(db: Pick<Db, "select">, original: TranslationOriginal, language: Language): boolean {
  const group = original.translationGroupId ?? original.id;
  return Boolean(
    db
      .select({ id: posts.id })
      .from(posts)
      .where(and(or(eq(posts.translationGroupId, group), eq(posts.id, group)), eq(posts.language, language), ne(posts.id, original.id)))
      .get(),
  );
}

/** Puts `translationId` in the original's group, starting the group at the original when it has none; the group's id. */
export function joinTranslationGroup(tx: Pick<Tx, "update">, original: TranslationOriginal, translationId: number): number {
  const group = original.translationGroupId ?? original.id;
  if (original.translationGroupId === null) tx.update(posts).set({ translationGroupId: group }).where(eq(posts.id, original.id)).run();
  tx.update(posts).set({ translationGroupId: group }).where(eq(posts.id, translationId)).run();
  return group;
}
