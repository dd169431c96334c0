// Work between processes: the cache outbox and leases.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

// Outbox of cache tags to revalidate: any process that changes content (the app, the importer CLI,
// the scheduler) appends here in the same transaction, and the running server revalidates them.
export const cacheInvalidations = sqliteTable("cache_invalidations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tag: text("tag").notNull(),
  createdAt: createdAt(),
});

// Who runs the background work (jobs, outbox pruning, replication) while several server processes
// share the database: one row per lease, held until `expires_at` and renewed well before it, so
// another process takes over within seconds of the holder dying. `detail` is the holder's own
// state that a successor needs (the replication process it started, to stop it first).
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  pid: integer("pid").notNull(),
  acquiredAt: integer("acquired_at", { mode: "timestamp_ms" }).notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  detail: text("detail", { mode: "json" }),
});
