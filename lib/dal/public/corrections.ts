import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/dal/connection";
import { postCorrections, posts } from "@/db/schema";
import { cachedRead } from "@/lib/cache/cached";
import { cacheTags } from "@/lib/cache/tags";
import { publicConstraint } from "@/lib/dal/public/constraint";

/** A correction notice as the public article shows it under the title. */
export type CorrectionNotice = { id: number; text: string; createdAt: string };

/** A public post's corrections, oldest first; none for a post a reader may not see. */
export function findCorrectionNotices(db: Db, postId: number, now: Date): CorrectionNotice[] {
  return db
    .select({ id: postCorrections.id, text: postCorrections.text, createdAt: postCorrections.createdAt })
    .from(postCorrections)
    .innerJoin(posts, eq(postCorrections.postId, posts.id))
    .where(and(eq(postCorrections.postId, postId), publicConstraint(now)))
    .orderBy(asc(postCorrections.createdAt), asc(postCorrections.id))
    .all()
    .map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
}

/** Cached with the article's own tag, which adding a correction queues, so the page refreshes within seconds. */
export function getCorrectionNotices(article: { id: number; slug: string }): Promise<CorrectionNotice[]> {
  return cachedRead(() => findCorrectionNotices(getDb(), article.id, new Date()), ["corrections", String(article.id)], [cacheTags.article(article.slug)]);
}
