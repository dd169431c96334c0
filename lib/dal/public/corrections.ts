import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/dal/connection";
import { postCorrections, posts } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
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

/** Under the article's own tag, which adding a correction queues, so the page refreshes within a second. */
export function getCorrectionNotices(article: { id: number; slug: string }): CorrectionNotice[] {
  tagPage(cacheTags.article(article.slug));
  return findCorrectionNotices(getDb(), article.id, new Date());
}
