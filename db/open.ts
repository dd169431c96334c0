import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What `db.transaction(fn)` hands to `fn`. */
export type AppTransaction = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];

/**
 * `db.transaction(fn, WRITE)` for a transaction that writes: IMMEDIATE takes the write lock before
 * the first read. A deferred one that reads and then writes fails at once with SQLITE_BUSY when
 * another connection commits in between (the busy timeout cannot help a lock upgrade), and a check
 * it read (a version, a count) could be stale by the time it writes.
 */
export const WRITE = { behavior: "immediate" } as const;

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * SQL functions the schema's triggers call. `cms_fold` is the search folding (`đ` → `d`, which
 * FTS5's tokenizer does not do): the search index triggers (migration 0003_search) and the query
 * builder must fold alike, so the data layer passes in the one folding function it searches with.
 */
export type SqlFunctions = { cms_fold: (text: string) => string };

/**
 * Opens a connection with the pragmas every connection needs. better-sqlite3 leaves WAL at
 * synchronous=NORMAL, which can lose committed transactions on power failure, hence FULL.
 * SQLite functions live per connection, so they are registered before the migrations run.
 */
export function openDatabase(file: string, functions: SqlFunctions): AppDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.function("cms_fold", { deterministic: true }, (text: unknown) => (typeof text === "string" ? functions.cms_fold(text) : text));
  const db = drizzle(sqlite, { schema }) as AppDatabase;
  applyMigrations(db);
  return db;
}

/**
 * drizzle-kit rebuilds a table to alter it; with foreign keys on, dropping the old table would
 * cascade-delete child rows. PRAGMA foreign_keys is ignored inside a transaction, so it is turned
 * off around the migrator, and integrity is checked before it is turned back on.
 */
export function applyMigrations(db: AppDatabase): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    const before = appliedMigrations(sqlite);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    // The check reads every row that has a foreign key: on a large archive with a cold disk cache that
    // was minutes of every start. Only a migration can have broken a key (foreign keys are on otherwise).
    if (appliedMigrations(sqlite) === before) return;
    const problems = sqlite.pragma("foreign_key_check") as unknown[];
    if (problems.length > 0) {
      throw new Error(`Migration left ${problems.length} foreign key violations: ${JSON.stringify(problems.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}

/** How many migrations the database has recorded (drizzle's own table; none before the first). */
function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n : 0;
}
