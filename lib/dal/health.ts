import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/dal/connection";
import { MIGRATIONS_FOLDER } from "@/db/open";
import { readReplicationHealth } from "@/lib/dal/replication/queries";

export type DatabaseHealth = { ok: boolean; migrations: { applied: number; expected: number } | null; error?: string };

let expectedMigrations: number | undefined;

/** How many migrations this build ships (drizzle-kit's journal), read once. */
function shippedMigrations(): number {
  expectedMigrations ??= (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
  return expectedMigrations;
}

/**
 * The database answers a query and has every migration of this build applied (drizzle records one
 * row per applied migration). Public by design: it reveals counts, never content.
 */
export function databaseHealth(): DatabaseHealth {
  try {
    const row = getDb().$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number };
    const migrations = { applied: row.n, expected: shippedMigrations() };
    return { ok: migrations.applied >= migrations.expected, migrations };
  } catch (error) {
    console.error("[health] database check failed", error);
    return { ok: false, migrations: null, error: "database unavailable" };
  }
}

/**
 * The replica's state for /api/health: whether it is on, its lag and the last position shipped,
 * never where it is or the error text (the body is public; /admin shows those to admins).
 */
export function replicationHealthSummary(): Record<string, unknown> {
  const health = readReplicationHealth(getDb());
  if (health.state === "off") return { state: "off" };
  return {
    state: health.state,
    lagSeconds: health.lagSeconds,
    lagLimitSeconds: health.lagLimitSeconds,
    lastShipped: health.lastShipped,
    mediaPending: health.mediaPending,
    pid: health.pid,
  };
}
