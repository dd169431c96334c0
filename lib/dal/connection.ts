import "server-only";
import { openDatabase, WRITE, type AppDatabase, type AppTransaction } from "@/db/open";
import { databasePath } from "@/lib/config/paths";
import { foldForSearch } from "@/lib/vi/fold";

/** The database handle every data-layer function takes; only the data layer can query it (it alone imports the schema). */
export type Db = AppDatabase;
/** What `db.transaction(fn)` hands to `fn`. */
export type Tx = AppTransaction;
/** `db.transaction(fn, WRITE)`: IMMEDIATE, the write lock taken before the first read (db/open.ts says why). */
export { WRITE };

/** Opens a database file with the app's SQL functions and migrations: for the app, the CLIs and the tests. */
export function openDb(file: string): Db {
  return openDatabase(file, { cms_fold: foldForSearch });
}

// Next bundles server code into several chunks that may each evaluate this module, and server.ts is
// built apart from Next: keeping the connection on globalThis guarantees one connection per process.
const holder = globalThis as unknown as { __cmsDb?: Db };

/** The process's one connection. `next build` gets an empty in-memory database so a build never touches live data. */
export function getDb(): Db {
  holder.__cmsDb ??= openDb(process.env.NEXT_PHASE === "phase-production-build" ? ":memory:" : databasePath());
  return holder.__cmsDb;
}

/**
 * Closes the connection at shutdown, after the last request. The WAL is copied into the database
 * file and truncated first, so a stopped server leaves one self-contained file behind.
 */
export function closeDb(): void {
  const db = holder.__cmsDb;
  if (!db) return;
  holder.__cmsDb = undefined;
  db.$client.pragma("optimize");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
