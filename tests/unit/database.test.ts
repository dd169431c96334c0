import { count, eq } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDb, type Db } from "@/lib/dal/connection";
import { applyMigrations } from "@/db/open";
import { categories, posts } from "@/db/schema";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let file: string;
let cleanup: () => void;

beforeEach(() => {
  ({ db, file, cleanup } = createTempDatabase());
});
afterEach(() => cleanup());

function addPost(tx: Pick<Db, "insert">, categoryId: number, slug: string) {
  tx.insert(posts).values({ title: slug, slug, body: { type: "doc", content: [] }, categoryId, status: "published" }).run();
}

describe("database connection", () => {
  it("sets the durability pragmas on every connection", () => {
    const pragma = (name: string) => db.$client.pragma(name, { simple: true });
    expect(pragma("journal_mode")).toBe("wal");
    expect(pragma("synchronous")).toBe(2); // FULL
    expect(pragma("busy_timeout")).toBeGreaterThanOrEqual(5000);
    expect(pragma("foreign_keys")).toBe(1);
  });

  it("rolls back every row of a transaction that throws half way", () => {
    const category = db.insert(categories).values({ name: "A", slug: "a" }).returning().get();
    expect(() =>
      db.transaction((tx) => {
        addPost(tx, category.id, "mot");
        addPost(tx, category.id, "hai");
        throw new Error("crash in the middle");
      }),
    ).toThrow("crash in the middle");
    expect(db.select({ n: count() }).from(posts).get()?.n).toBe(0);
  });

  it("refuses a post whose category does not exist (foreign keys are enforced)", () => {
    expect(() => addPost(db, 999, "mo-coi")).toThrow(/FOREIGN KEY/);
  });

  it("re-applying migrations on a database with content changes nothing", () => {
    const category = db.insert(categories).values({ name: "A", slug: "a" }).returning().get();
    addPost(db, category.id, "mot");
    addPost(db, category.id, "hai");
    db.$client.close();
    const reopened = openDb(file);
    applyMigrations(reopened);
    expect(reopened.select({ n: count() }).from(posts).get()?.n).toBe(2);
    expect(reopened.$client.pragma("foreign_key_check")).toEqual([]);
    expect(reopened.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(reopened.select().from(posts).where(eq(posts.slug, "hai")).get()?.categoryId).toBe(category.id);
    reopened.$client.close();
    db = openDb(file); // let afterEach close something
  });
  it("checks foreign keys after migrations ran, not on every start (it reads every row of a large archive)", () => {
    db.$client.close();
    const pragma = vi.spyOn(Database.prototype, "pragma");
    const checks = () => pragma.mock.calls.filter(([source]) => source === "foreign_key_check").length;
    try {
      const reopened = openDb(file);
      expect(checks()).toBe(0);
      reopened.$client.close();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-fk-"));
      const fresh = openDb(path.join(dir, "cms.db"));
      expect(checks()).toBe(1);
      fresh.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      pragma.mockRestore();
    }
    db = openDb(file); // let afterEach close something
  });
});
