import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { activityLog, users } from "@/db/schema";
import { ACTIVITY_LABELS, type ActivityAction } from "@/lib/dal/activity/log";
import { DAY_MS, vietnamDayStart } from "@/lib/vi/calendar-day";
import { requireRole, type Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { countRows, readPage, type Page } from "@/lib/dal/paging";

export { vietnamDayStart };

export const ACTIVITY_PAGE_SIZE = 50;

export type ActivityFilters = {
  userId?: number;
  action?: ActivityAction;
  /** Calendar days `yyyy-mm-dd` in Asia/Ho_Chi_Minh, both included. */
  from?: string;
  to?: string;
  page: number;
};

export type ActivityRow = {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  actionLabel: string;
  objectType: string;
  objectId: string;
  /** The current name of the account the entry is about, when it is about an account. */
  objectUserName: string | null;
  summary: string;
  ip: string;
};

export type ActivityPage = Page<ActivityRow>;

export function isActivityAction(value: string): value is ActivityAction {
  return Object.hasOwn(ACTIVITY_LABELS, value);
}

/** Entries newest first, filtered and paginated; only for users allowed to read the log. */
export function listActivityFor(db: Db, actor: Actor | null, filters: ActivityFilters): ActivityPage {
  requireRole(actor, "activity:read");
  const where: SQL[] = [];
  if (filters.userId !== undefined) where.push(eq(activityLog.actorId, filters.userId));
  if (filters.action) where.push(eq(activityLog.action, filters.action));
  const from = filters.from ? vietnamDayStart(filters.from) : null;
  const to = filters.to ? vietnamDayStart(filters.to) : null;
  if (from) where.push(gte(activityLog.createdAt, from));
  if (to) where.push(lt(activityLog.createdAt, new Date(to.getTime() + DAY_MS)));
  const condition = where.length > 0 ? and(...where) : undefined;

  // The account an entry is about, joined for its current name (the log itself keeps ids).
  const subject = alias(users, "subject");
  return readPage(countRows(db, activityLog, condition), filters.page, ACTIVITY_PAGE_SIZE, (offset) =>
    db
      .select({
        id: activityLog.id,
        at: activityLog.createdAt,
        actorId: activityLog.actorId,
        actorName: activityLog.actorName,
        action: activityLog.action,
        objectType: activityLog.objectType,
        objectId: activityLog.objectId,
        objectUserName: subject.name,
        summary: activityLog.summary,
        ip: activityLog.ip,
      })
      .from(activityLog)
      .leftJoin(subject, and(eq(activityLog.objectType, "user"), eq(activityLog.objectId, sql`cast(${subject.id} as text)`)))
      .where(condition)
      // Ties within one millisecond keep their insertion order.
      .orderBy(desc(activityLog.createdAt), desc(activityLog.id))
      .limit(ACTIVITY_PAGE_SIZE)
      .offset(offset)
      .all()
      .map((r) => ({ ...r, actionLabel: isActivityAction(r.action) ? ACTIVITY_LABELS[r.action] : r.action })),
  );
}

/** Everyone who can appear as the actor of an entry, for the filter's list. */
export function listActivityActorsFor(db: Db, actor: Actor | null): Array<{ id: number; name: string; email: string }> {
  requireRole(actor, "activity:read");
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name), asc(users.id)).all();
}
