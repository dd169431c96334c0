import "server-only";
import { and, asc, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { categories, posts, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { assertStaff, visiblePostsWhere } from "./access";
import { listColumns, statusWhere, toListItem, type PostListItem } from "./list";
import { type Actor } from "@/lib/dal/actor";

export const DASHBOARD_LIMIT = 8;

export type DashboardItem = PostListItem & { returned: boolean };
export type DashboardSection = { items: DashboardItem[]; total: number };
export type Dashboard = {
  /** The person's own drafts, latest edit first; a returned one carries the editor's note. */
  drafts: DashboardSection;
  /** Editors: everything waiting for review, longest waiting first. Authors: what they sent. */
  pending: DashboardSection;
  scheduled: DashboardSection;
  recent: DashboardSection;
  reviewer: boolean;
};

/** The start page of /admin: what this person should look at next, each list within what they may see. */
export function dashboardFor(db: Db, actor: Actor | null, now: Date = new Date()): Dashboard {
  assertStaff(actor);
  const section = (condition: SQL, ...order: SQL[]): DashboardSection => {
    const where = and(visiblePostsWhere(actor), isNull(posts.deletedAt), condition);
    const rows = db
      .select({ ...listColumns, reviewNote: posts.reviewNote })
      .from(posts)
      .leftJoin(categories, eq(posts.categoryId, categories.id))
      .leftJoin(users, eq(posts.authorId, users.id))
      .where(where)
      .orderBy(...order, desc(posts.id))
      .limit(DASHBOARD_LIMIT)
      .all();
    const total = db.select({ n: count() }).from(posts).where(where).get()?.n ?? 0;
    return { items: rows.map((row) => ({ ...toListItem(actor, row, now), returned: row.reviewNote !== "" })), total };
  };
  return {
    drafts: section(and(eq(posts.authorId, actor.id), eq(posts.status, "draft"))!, desc(posts.updatedAt)),
    pending: section(statusWhere("pending", now), asc(posts.updatedAt)),
    scheduled: section(statusWhere("scheduled", now), asc(posts.publishedAt)),
    recent: section(statusWhere("published", now), desc(posts.publishedAt)),
    reviewer: can(actor.role, "post:publish"),
  };
}
