// Column helpers every table shares.
import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

// Times are stored as integer milliseconds since the epoch (UTC); Vietnam time is a display concern.
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
export const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)
    .$onUpdate(() => new Date());
