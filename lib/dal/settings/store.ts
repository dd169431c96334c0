import "server-only";
import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";

/*
 * The settings table: one JSON value per key, shared by every process (the server and its jobs,
 * the CLIs). Each reader checks the shape it gets back; a missing or odd value is its default.
 */

export function readSetting(db: Pick<Db, "select">, key: string): unknown {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function writeSetting(db: Pick<Db, "insert">, key: string, value: unknown, now: Date = new Date()): void {
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
    .run();
}
