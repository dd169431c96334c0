import "server-only";
import { openDatabase, databasePath, type AppDatabase } from "./open";

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

export type { AppDatabase };
