import "server-only";
import { openDatabase, databasePath, type AppDatabase, type AppTransaction } from "./open";

// Next bundles server code into several chunks that may each evaluate this module; keeping the
// connection on globalThis guarantees one connection per process.
const globalForDb = globalThis as unknown as { __cmsDb?: AppDatabase };

function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** The one database connection. `next build` gets an empty in-memory database so a build never touches live data. */
export function getDb(): AppDatabase {
  if (!globalForDb.__cmsDb) {
    globalForDb.__cmsDb = openDatabase(isBuildPhase() ? ":memory:" : databasePath());
  }
  return globalForDb.__cmsDb;
}

/**
 * Closes the connection at shutdown, after the last request. The WAL is copied into the database
 * file and truncated first, so a stopped server leaves one self-contained file behind.
 */
export function closeDb(): void {
  const db = globalForDb.__cmsDb;
  if (!db) return;
  globalForDb.__cmsDb = undefined;
  db.$client.pragma("optimize");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}

export type { AppDatabase, AppTransaction };
