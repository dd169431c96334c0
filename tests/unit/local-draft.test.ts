import { describe, expect, it } from "vitest";
import { pickDraftValues, sameDraft } from "@/lib/editor/draft-values";
import { bodyParagraphs } from "@/lib/editor/document-paragraphs";
import {
  clearLocalDraft,
  differsFrom,
  isExpired,
  LOCAL_DRAFT_MAX_AGE_MS,
  localDraftKey,
  parseLocalDraft,
  readLocalDraft,
  serializeLocalDraft,
  writeLocalDraft,
  type LocalDraft,
} from "@/lib/editor/local-draft";

const body = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const now = Date.parse("2025-07-01T07:05:00Z");
const draft = (overrides: Partial<LocalDraft> = {}): LocalDraft => ({
  postId: 7,
  baseVersion: 3,
  savedAt: now,
  values: { title: "Hội nghị", lead: "Sapo", body: body("Đoạn một") },
  featured: { mediaId: 4, src: "/media/abc/960.jpg", alt: "Toàn cảnh", legacy: false },
  ...overrides,
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe("draft values", () => {
  it("keep only the form's text fields, and only strings", () => {
    const form = [
      ["title", "Tiêu đề"],
      ["version", "3"],
      ["id", "7"],
      ["$ACTION_ID_x", "y"],
      ["intent", "save"],
      ["body", body("x")],
      ["featuredMediaId", ""],
    ] as [string, string][];
    expect(pickDraftValues(form)).toEqual({ title: "Tiêu đề", body: body("x"), featuredMediaId: "" });
    expect(pickDraftValues({ title: 5, lead: "Sapo" })).toEqual({ lead: "Sapo" });
  });

  it("compare bodies as documents, and a missing field as empty", () => {
    const reordered = JSON.stringify({ content: [{ content: [{ text: "Đoạn một", type: "text" }], type: "paragraph" }], type: "doc" });
    expect(sameDraft({ title: "A", body: body("Đoạn một") }, { title: "A", body: reordered, lead: "" })).toBe(true);
    expect(sameDraft({ title: "A", body: body("Đoạn một") }, { title: "A", body: body("Đoạn hai") })).toBe(false);
    expect(sameDraft({ title: "A" }, { title: "B" })).toBe(false);
  });
});

describe("the local copy", () => {
  it("round-trips through its serialized form", () => {
    expect(parseLocalDraft(serializeLocalDraft(draft()), 7, now)).toEqual(draft());
  });

  it("is keyed by post, or 'new' for a post not saved yet", () => {
    expect(localDraftKey(7)).toBe("cms.post-draft.7");
    expect(localDraftKey(null)).toBe("cms.post-draft.new");
    expect(parseLocalDraft(serializeLocalDraft(draft()), 8, now)).toBeNull();
    expect(parseLocalDraft(serializeLocalDraft(draft({ postId: null, baseVersion: null })), null, now)).toMatchObject({ postId: null, baseVersion: null });
  });

  it("ignores damaged or foreign data rather than failing", () => {
    for (const raw of [null, "", "{", "null", "[]", JSON.stringify({ v: 2, postId: 7, savedAt: now, values: {} }), JSON.stringify({ v: 1, postId: 7, values: {} })]) {
      expect(parseLocalDraft(raw, 7, now), String(raw)).toBeNull();
    }
    const odd = JSON.parse(serializeLocalDraft(draft())) as Record<string, unknown>;
    odd.featured = { src: "x" };
    odd.values = { title: "Hội nghị", evil: "<script>", lead: 3 };
    expect(parseLocalDraft(JSON.stringify(odd), 7, now)).toMatchObject({ featured: null, values: { title: "Hội nghị" } });
  });

  it("expires after thirty days", () => {
    expect(isExpired(draft(), now + LOCAL_DRAFT_MAX_AGE_MS)).toBe(false);
    expect(isExpired(draft(), now + LOCAL_DRAFT_MAX_AGE_MS + 1)).toBe(true);
    expect(parseLocalDraft(serializeLocalDraft(draft()), 7, now + LOCAL_DRAFT_MAX_AGE_MS + 1)).toBeNull();
  });

  it("is offered only when it holds something the form does not show", () => {
    expect(differsFrom(draft(), { ...draft().values })).toBe(false);
    expect(differsFrom(draft(), { ...draft().values, lead: "Sapo khác" })).toBe(true);
    expect(differsFrom(null, {})).toBe(false);
  });

  it("is written, read back and cleared through the storage, and a full storage is reported", () => {
    const storage = memoryStorage();
    expect(writeLocalDraft(storage, draft())).toBe(true);
    expect(readLocalDraft(storage, 7, now)).toEqual(draft());
    clearLocalDraft(storage, 7);
    expect(storage.items.size).toBe(0);
    const full = { ...storage, setItem: () => { throw new DOMException("full", "QuotaExceededError"); } };
    expect(writeLocalDraft(full, draft())).toBe(false);
  });
});

describe("bodyParagraphs", () => {
  it("gives one string per block, lists and quotes included, and nothing for junk", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Mục một" }] },
        { type: "paragraph", content: [{ type: "text", text: "Dòng " }, { type: "text", text: "đậm", marks: [{ type: "bold" }] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Ý một" }] }] }] },
        { type: "paragraph" },
      ],
    };
    expect(bodyParagraphs(JSON.stringify(doc))).toEqual(["Mục một", "Dòng đậm", "Ý một"]);
    expect(bodyParagraphs("{")).toEqual([]);
    expect(bodyParagraphs(undefined)).toEqual([]);
  });
});
