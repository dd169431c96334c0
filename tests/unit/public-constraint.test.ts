import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { categories, posts } from "@/db/schema";
import { publicConstraint } from "@/lib/dal/public/constraint";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

describe("publicConstraint", () => {
  it("shows only published posts whose time has come and that are not in the trash", () => {
    const now = new Date("2026-11-21T08:00:00Z");
    const categoryId = db.insert(categories).values({ name: "A", slug: "a" }).returning().get().id;
    const add = (slug: string, values: Partial<typeof posts.$inferInsert>) =>
      db.insert(posts).values({ title: slug, slug, body: { type: "doc" }, categoryId, status: "published", publishedAt: new Date("2026-11-01"), ...values }).run();
    add("hien", {});
    add("nhap", { status: "draft" });
    add("cho-duyet", { status: "pending" });
    add("da-go", { status: "unpublished" });
    add("hen-gio", { publishedAt: new Date("2026-11-22") });
    add("thung-rac", { deletedAt: new Date("2026-11-20") });
    const visible = db.select({ slug: posts.slug }).from(posts).where(and(publicConstraint(now), eq(posts.categoryId, categoryId))).all();
    expect(visible.map((p) => p.slug)).toEqual(["hien"]);
  });
});
