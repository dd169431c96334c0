import "server-only";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import { posts } from "@/db/schema";
import { WRITE, type Db } from "@/lib/dal/connection";
import { readSetting, writeSetting } from "@/lib/dal/settings/store";
import { logActivity, quoted } from "@/lib/dal/activity/log";
import { queueInvalidation } from "@/lib/dal/outbox";
import { tagsForContentChange } from "@/lib/cache/tags";
import { citationTagsOf } from "@/lib/dal/documents/citations";

const MARKER = "scheduler.checkedUntil";
/** How the activity log names the scheduler, which acts for nobody in particular. */
export const SCHEDULER_NAME = "Hệ thống (hẹn giờ)";

/**
 * Scheduled posts are stored as published with a future time, so the public constraint hides them
 * until then and nothing has to change in the row. What the moment needs is for the cached pages
 * that should now show the post to be rendered again: this queues their tags and logs the going
 * live, for every post whose time came since the last run. The mark is kept in the database, so a
 * post whose time passed while the server was down is handled by the first run after start.
 */
export function announceDuePosts(db: Db, now: Date): number {
  return db.transaction((tx) => {
    const marker = readSetting(tx, MARKER);
    // The very first run has no mark: everything up to now is already live and was logged when
    // published, so it only sets the mark (reading every published post here, as an archive of
    // 100,000 has, held hundreds of MB and overflowed SQLite's variable limit in the outbox insert,
    // so the mark was never written and the next run, 5 s later, did it all again).
    const due = marker !== undefined
      ? tx
          .select({ id: posts.id, kind: posts.kind, title: posts.title, slug: posts.slug, categoryId: posts.categoryId, translationGroupId: posts.translationGroupId, publishedAt: posts.publishedAt })
          .from(posts)
          .where(and(eq(posts.status, "published"), isNull(posts.deletedAt), gt(posts.publishedAt, new Date(typeof marker === "number" ? marker : 0)), lte(posts.publishedAt, now)))
          .all()
      : [];
    for (const post of due) {
      logActivity(tx, {
        actor: { id: null, name: SCHEDULER_NAME },
        action: "post.go-live",
        objectType: "post",
        objectId: post.id,
        summary: `${quoted(post.title)} lên trang theo giờ hẹn ${post.publishedAt?.toISOString() ?? ""}`,
      });
    }
    if (due.length > 0) queueInvalidation(tx, [...tagsForContentChange(due), ...citationTagsOf(tx, due.filter((post) => post.kind === "post").map((post) => post.id))]);
    writeSetting(tx, MARKER, now.getTime(), now);
    return due.length;
  }, WRITE);
}
