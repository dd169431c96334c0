import "server-only";
import { openDatabase, WRITE, type AppDatabase, type AppTransaction } from "@/db/open";
import fs from "node:fs";
import { databasePath } from "@/lib/config/paths";
import { replicationSettings } from "@/lib/replication/settings";
import { litestreamMetaDir } from "@/lib/replication/wal-position";
import { foldForSearch } from "@/lib/vi/fold";

/** The database handle every data-layer function takes; only the data layer can query it (it alone imports the schema). */
export type Db = AppDatabase;
/** What `db.transaction(fn)` hands to `fn`. */
export type Tx = AppTransaction;
/** `db.transaction(fn, WRITE)`: IMMEDIATE, the write lock taken before the first read (db/open.ts says why). */
export { WRITE };

/**
 * Whether Litestream replicates this database (README, "Replication"): REPLICA_URL is set, or its
 * folder beside the database says it did (a CLI run without the server's settings). Litestream
 * then does all the checkpointing: a connection's own automatic checkpoint could restart the WAL
 * in the instant Litestream lets go of its read lock, over frames it has not yet copied.
 */
export function isReplicated(file: string): boolean {
  return file !== ":memory:" && (replicationSettings() !== null || fs.existsSync(litestreamMetaDir(file)));
}

/** Opens a database file with the app's SQL functions and migrations: for the app, the CLIs and the tests. */
export function openDb(file: string): Db {
  const db = openDatabase(file, { cms_fold: foldForSearch });
  if (isReplicated(file)) db.$client.pragma("wal_autocheckpoint = 0");
  return db;
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
 * Closes the connection at shutdown, after the last request. Unreplicated, the WAL is copied into
 * the database file and truncated first, so a stopped server leaves one self-contained file behind.
 * Replicated, the WAL is Litestream's to checkpoint: truncating it here would cost a new generation
 * (a full snapshot to the replica) at the next start.
 */
export function closeDb(): void {
  const db = holder.__cmsDb;
  if (!db) return;
  holder.__cmsDb = undefined;
  db.$client.pragma("optimize");
  if (!isReplicated(db.$client.name)) db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
