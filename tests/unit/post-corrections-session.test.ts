import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { postCorrections } from "@/db/schema";
import { MESSAGES } from "@/lib/auth/guards";
import { addCorrection } from "@/lib/dal/posts";
import { authorA, create, db, editor, logs, setStatus } from "./helpers/posts-world";

// The request around the data layer: who is signed in, and the request's headers.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/auth/options", () => ({ authOptions: () => ({}) }));

const signedIn = (id: number) => vi.mocked(getServerSession).mockResolvedValue({ user: { id }, expires: "" });

beforeEach(() => {
  // The app's one connection is this test's database.
  (globalThis as unknown as { __cmsDb?: typeof db }).__cmsDb = db;
});

describe("addCorrection with the session of the request", () => {
  it("refuses an author and logs the attempt; nothing is written", async () => {
    const { id } = create(authorA);
    setStatus(id, "published");
    signedIn(authorA.id);
    expect(await addCorrection(id, "Tác giả tự đính chính.")).toEqual({ ok: false, denied: true, message: MESSAGES.forbidden });
    expect(db.select().from(postCorrections).all()).toEqual([]);
    expect(logs("security.denied")).toMatchObject([{ actorId: authorA.id, objectType: "post:correct", objectId: String(id) }]);
  });

  it("lets an editor add one, logged as a correction", async () => {
    const { id } = create(authorA);
    setStatus(id, "published");
    signedIn(editor.id);
    expect(await addCorrection(id, "Đính chính tên đơn vị.")).toMatchObject({ ok: true });
    expect(logs("post.correction")).toMatchObject([{ actorId: editor.id, objectId: String(id) }]);
    expect(logs("security.denied")).toEqual([]);
  });
});
