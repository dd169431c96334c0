import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postCorrections } from "@/db/schema";
import { addCorrectionFor, CORRECTION_ADMIN_MESSAGES, listCorrectionsFor } from "@/lib/dal/posts/corrections";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import { findCorrectionNotices } from "@/lib/dal/public/corrections";
import { addCorrectionSchema, CORRECTION_MAX, CORRECTION_MESSAGES } from "@/lib/validations/correction";
import { admin, authorA, authorB, create, db, editor, logCount, logs, row, setStatus, tags } from "./helpers/posts-world";
import { RefusedError } from "@/lib/dal/actor";

const corrections = (postId: number) => db.select().from(postCorrections).where(eq(postCorrections.postId, postId)).all();
const NOW = new Date("2025-07-01T03:00:00Z");

/** A post by author A that is on the public site since 01/06/2025. */
function publicPost() {
  const { id } = create(authorA, { title: "Hội nghị tổng kết" });
  setStatus(id, "published", new Date("2025-06-01T03:00:00Z"));
  return id;
}

describe("addCorrectionFor", () => {
  it("an editor adds a dated correction to a public post; its page is queued for refresh and the change logged", () => {
    const id = publicPost();
    const result = addCorrectionFor(db, editor, id, "  Tên   đơn vị tổ chức là Phòng Tổ chức cán bộ.  ", NOW);
    expect(result).toMatchObject({ ok: true, message: CORRECTION_ADMIN_MESSAGES.added });
    expect(corrections(id)).toMatchObject([{ text: "Tên đơn vị tổ chức là Phòng Tổ chức cán bộ.", actorId: editor.id, actorName: editor.name, createdAt: NOW }]);
    expect(tags()).toEqual([`article:${row(id).slug}`]);
    expect(logs("post.correction")).toMatchObject([{ actorId: editor.id, objectId: String(id), summary: "“Hội nghị tổng kết”: Tên đơn vị tổ chức là Phòng Tổ chức cán bộ." }]);
    expect(addCorrectionFor(db, admin, id, "Đính chính thứ hai.", NOW)).toMatchObject({ ok: true });
  });

  it("an author is refused, even on their own public post, and nothing is written", () => {
    const id = publicPost();
    const before = logCount();
    expect(() => addCorrectionFor(db, authorA, id, "Tác giả tự đính chính.", NOW)).toThrow(RefusedError);
    expect([corrections(id), tags(), logCount()]).toEqual([[], [], before]);
  });

  it("a post that is not on the public site cannot be corrected (draft, scheduled, unpublished, trashed)", () => {
    const draft = create(authorA).id;
    const scheduled = publicPost();
    setStatus(scheduled, "published", new Date("2025-08-01T03:00:00Z"));
    const unpublished = publicPost();
    setStatus(unpublished, "unpublished");
    for (const id of [draft, scheduled, unpublished]) {
      expect(addCorrectionFor(db, editor, id, "Đính chính.", NOW)).toEqual({ ok: false, message: CORRECTION_ADMIN_MESSAGES.notPublic });
    }
    const trashed = publicPost();
    db.$client.prepare("update posts set deleted_at = ? where id = ?").run(NOW.getTime(), trashed);
    expect(addCorrectionFor(db, editor, trashed, "Đính chính.", NOW)).toEqual({ ok: false, message: POST_ADMIN_MESSAGES.inTrash });
    expect(addCorrectionFor(db, editor, 999_999, "Đính chính.", NOW)).toEqual({ ok: false, message: POST_ADMIN_MESSAGES.notFound });
    expect(db.select().from(postCorrections).all()).toEqual([]);
    expect(logs("post.correction")).toEqual([]);
  });

  it("refuses empty and over-long text with a Vietnamese message, writing nothing", () => {
    const id = publicPost();
    expect(addCorrectionFor(db, editor, id, " \u200b ", NOW)).toEqual({ ok: false, message: CORRECTION_MESSAGES.textRequired });
    expect(addCorrectionFor(db, editor, id, "ộ".repeat(CORRECTION_MAX + 1), NOW)).toEqual({ ok: false, message: CORRECTION_MESSAGES.textTooLong });
    expect(corrections(id)).toEqual([]);
    // Counted in letters as a person counts them: a precomposed `ộ` is one, even when typed as three code points.
    expect(addCorrectionFor(db, editor, id, "ộ".normalize("NFD").repeat(CORRECTION_MAX), NOW)).toMatchObject({ ok: true });
    expect(corrections(id)[0]!.text).toBe("ộ".repeat(CORRECTION_MAX));
  });
});

describe("the correction form's schema", () => {
  it("requires a post id and text, with Vietnamese messages", () => {
    expect(addCorrectionSchema.safeParse({ id: "5", text: "Sửa tên đơn vị." })).toMatchObject({ success: true, data: { id: 5, text: "Sửa tên đơn vị." } });
    const empty = addCorrectionSchema.safeParse({ id: "5", text: "   " });
    expect(empty.error?.issues.map((i) => i.message)).toEqual([CORRECTION_MESSAGES.textRequired]);
    const missing = addCorrectionSchema.safeParse({ id: "5" });
    expect(missing.error?.issues.map((i) => i.message)).toEqual([CORRECTION_MESSAGES.textRequired]);
    const long = addCorrectionSchema.safeParse({ id: "5", text: "a".repeat(CORRECTION_MAX + 1) });
    expect(long.error?.issues.map((i) => i.message)).toEqual([CORRECTION_MESSAGES.textTooLong]);
  });
});

describe("listCorrectionsFor", () => {
  it("lists a post's corrections oldest first, and says who may add one", () => {
    const id = publicPost();
    addCorrectionFor(db, editor, id, "Thứ hai.", new Date("2025-07-02T03:00:00Z"));
    addCorrectionFor(db, editor, id, "Thứ nhất.", new Date("2025-07-01T03:00:00Z"));
    const forEditor = listCorrectionsFor(db, editor, id, NOW)!;
    expect(forEditor.post).toMatchObject({ id, isPublic: true, canCorrect: true });
    expect(forEditor.items.map((c) => c.text)).toEqual(["Thứ nhất.", "Thứ hai."]);
    expect(listCorrectionsFor(db, authorA, id, NOW)!.post.canCorrect).toBe(false);
    expect(listCorrectionsFor(db, authorB, id, NOW)).toBeNull();
  });
});

describe("corrections on the public page", () => {
  it("a public post shows its corrections oldest first; a post taken off the site shows none", () => {
    const id = publicPost();
    addCorrectionFor(db, editor, id, "Thứ nhất.", new Date("2025-07-01T03:00:00Z"));
    addCorrectionFor(db, editor, id, "Thứ hai.", new Date("2025-07-02T03:00:00Z"));
    expect(findCorrectionNotices(db, id, NOW).map((c) => [c.text, c.createdAt])).toEqual([
      ["Thứ nhất.", "2025-07-01T03:00:00.000Z"],
      ["Thứ hai.", "2025-07-02T03:00:00.000Z"],
    ]);
    setStatus(id, "unpublished");
    expect(findCorrectionNotices(db, id, NOW)).toEqual([]);
  });
});
