import "server-only";
import { and, eq } from "drizzle-orm";
import { leases } from "@/db/schema";
import { WRITE, type Db } from "@/lib/dal/connection";

/*
 * A lease in the database: among the processes that share it, the one whose row has not expired
 * runs what the lease names. Held by renewing before `expiresAt`; a holder that dies simply stops
 * renewing, and the first process to ask after the expiry takes over. A lock file would only work
 * on one machine's disk and a crash can leave it behind; a row with a time cannot outlive its TTL.
 */

export type LeaseRow = { name: string; holder: string; pid: number; acquiredAt: Date; expiresAt: Date; detail: unknown };
export type Claim = { held: true; since: Date; takenFrom: LeaseRow | null } | { held: false; current: LeaseRow };

/**
 * Takes or renews the lease `name` for `holder` until now + ttl, unless another holder's lease is
 * still running. `detail`, when given, replaces the stored detail. One IMMEDIATE transaction, so
 * two processes asking at once cannot both win.
 */
export function claimLease(db: Db, name: string, holder: { id: string; pid: number }, ttlMs: number, now: Date = new Date(), detail?: unknown): Claim {
  return db.transaction((tx) => {
    const current = tx.select().from(leases).where(eq(leases.name, name)).get() as LeaseRow | undefined;
    const expiresAt = new Date(now.getTime() + ttlMs);
    if (current && current.holder === holder.id) {
      tx.update(leases)
        .set({ expiresAt, ...(detail === undefined ? {} : { detail }) })
        .where(eq(leases.name, name))
        .run();
      return { held: true as const, since: current.acquiredAt, takenFrom: null };
    }
    if (current && current.expiresAt.getTime() > now.getTime()) return { held: false as const, current };
    const row = { name, holder: holder.id, pid: holder.pid, acquiredAt: now, expiresAt, detail: detail ?? null };
    tx.insert(leases).values(row).onConflictDoUpdate({ target: leases.name, set: row }).run();
    return { held: true as const, since: now, takenFrom: current ?? null };
  }, WRITE);
}

/**
 * Gives the lease up at once (a clean stop), so the next process need not wait for the expiry. The
 * row stays, expired, with its detail: a successor still learns what it must wait for.
 */
export function releaseLease(db: Db, name: string, holderId: string, now: Date = new Date()): void {
  db.update(leases)
    .set({ expiresAt: now })
    .where(and(eq(leases.name, name), eq(leases.holder, holderId)))
    .run();
}

export function readLease(db: Pick<Db, "select">, name: string): LeaseRow | null {
  return (db.select().from(leases).where(eq(leases.name, name)).get() as LeaseRow | undefined) ?? null;
}
