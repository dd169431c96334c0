import "server-only";
import { asc, gt } from "drizzle-orm";
import { media } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { readLease } from "@/lib/dal/leases/queries";
import { BACKGROUND_LEASE } from "@/lib/jobs/leader";
import { replicationHealth, type ReplicationHealth, type ReplicationStatus } from "@/lib/replication/status";
import { replicationSettings } from "@/lib/replication/settings";

/** The rendition files of media rows after `afterId`, oldest first: what the media copier sends next. */
export function mediaFilesAfter(db: Db, afterId: number, limit = 200): { lastId: number; files: string[] } {
  const rows = db.select({ id: media.id, renditions: media.renditions }).from(media).where(gt(media.id, afterId)).orderBy(asc(media.id)).limit(limit).all();
  return { lastId: rows.at(-1)?.id ?? afterId, files: rows.flatMap((row) => row.renditions.map((r) => r.file)) };
}

/** The replica's health from the record the lease holder publishes (public in /api/health: positions and times, no content). */
export function readReplicationHealth(db: Db, now: Date = new Date()): ReplicationHealth {
  const lease = readLease(db, BACKGROUND_LEASE);
  const detail = lease?.detail as { replication?: ReplicationStatus } | null | undefined;
  return replicationHealth(detail?.replication ?? null, lease?.pid ?? null, now, replicationSettings() !== null);
}

/** The same for the box on /admin; null for anyone who may not manage settings. */
export function replicationStatusFor(db: Db, actor: Actor | null): ReplicationHealth | null {
  if (!actor || !can(actor.role, "settings:manage")) return null;
  return readReplicationHealth(db);
}
