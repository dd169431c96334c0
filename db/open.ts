import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { foldForSearch } from "@/lib/vi/fold";
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

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || path.join("data", "cms.db"));
}

/** The folder that holds the database; generated secrets live beside it, never in the repository. */
export function dataDirectory(): string {
  return path.dirname(databasePath());
}

/**
 * Opens a connection with the pragmas every connection needs. better-sqlite3 leaves WAL at
 * synchronous=NORMAL, which can lose committed transactions on power failure, hence FULL.
 */
export function openDatabase(file: string): AppDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  registerSearchFolding(sqlite);
  const db = drizzle(sqlite, { schema }) as AppDatabase;
  applyMigrations(db);
  return db;
}

/**
 * The search index triggers (migration 0003_search) fold text with `cms_fold`, so the index and the
 * query builder share one folding (`đ` → `d`, which FTS5's tokenizer does not do). SQLite functions
 * live per connection, so every connection that writes posts needs it, before migrations run.
 */
function registerSearchFolding(sqlite: Database.Database): void {
  sqlite.function("cms_fold", { deterministic: true }, (text: unknown) => (typeof text === "string" ? foldForSearch(text) : text));
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
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const problems = sqlite.pragma("foreign_key_check") as unknown[];
    if (problems.length > 0) {
      throw new Error(`Migration left ${problems.length} foreign key violations: ${JSON.stringify(problems.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}
