import { describe, expect, it } from "vitest";
import { diffRevisions, diffText, type DiffPart } from "@/lib/revisions/diff";

const changed = (parts: DiffPart[]) => parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text]);
/** The two texts a diff is made of: the old one without additions, the new one without removals. */
const sides = (parts: DiffPart[]) => ({
  before: parts.filter((p) => p.kind !== "added").map((p) => p.text).join(""),
  after: parts.filter((p) => p.kind !== "removed").map((p) => p.text).join(""),
});

describe("word diff of revision texts", () => {
  it("shows a replaced word as removed then added, the rest unchanged", () => {
    const diff = diffText("Hội nghị tổng kết công tác năm 2025", "Hội nghị sơ kết công tác năm 2025");
    expect(changed(diff.parts)).toEqual([
      ["removed", "tổng"],
      ["added", "sơ"],
    ]);
    expect(diff).toMatchObject({ wordsAdded: 1, wordsRemoved: 1 });
    expect(sides(diff.parts).after).toBe("Hội nghị sơ kết công tác năm 2025");
  });

  it("treats a changed tone mark as a changed word, whole", () => {
    expect(changed(diffText("Hội nghị Đảng bộ", "Hỏi nghị Đảng bộ").parts)).toEqual([
      ["removed", "Hội"],
      ["added", "Hỏi"],
    ]);
    expect(changed(diffText("Thi đua khen thưởng", "Thi đưa khen thưởng").parts)).toEqual([
      ["removed", "đua"],
      ["added", "đưa"],
    ]);
  });

  it("does not split Vietnamese letters with diacritics into separate words", () => {
    const diff = diffText("Phòng Tổ chức cán bộ", "Phòng Tổ chức cán bộ Cục Sở hữu trí tuệ");
    expect(changed(diff.parts)).toEqual([["added", "Cục Sở hữu trí tuệ"]]);
    expect(diff.wordsAdded).toBe(5);
  });

  it("sees no change between the same text in NFD and NFC", () => {
    const nfd = "Hội nghị tổng kết công tác Đảng".normalize("NFD");
    const diff = diffText(nfd, "Hội nghị tổng kết công tác Đảng");
    expect(diff).toEqual({ parts: [{ kind: "same", text: "Hội nghị tổng kết công tác Đảng" }], wordsAdded: 0, wordsRemoved: 0 });
  });

  it("ignores a change of spacing alone, and keeps paragraph breaks in the text", () => {
    expect(diffText("Hội  nghị\u00a0tổng kết", "Hội nghị tổng kết")).toEqual({ parts: [{ kind: "same", text: "Hội nghị tổng kết" }], wordsAdded: 0, wordsRemoved: 0 });
    const body = diffText("Đoạn một.\n\nĐoạn hai.", "Đoạn một.\n\nĐoạn hai mới.");
    expect(changed(body.parts)).toEqual([["added", "mới"]]);
    expect(sides(body.parts).after).toBe("Đoạn một.\n\nĐoạn hai mới.");
  });

  it("counts words, not punctuation, and handles empty sides", () => {
    expect(diffText("", "Mới, hoàn toàn.")).toEqual({ parts: [{ kind: "added", text: "Mới, hoàn toàn." }], wordsAdded: 3, wordsRemoved: 0 });
    expect(diffText("Bỏ hết", "")).toEqual({ parts: [{ kind: "removed", text: "Bỏ hết" }], wordsAdded: 0, wordsRemoved: 2 });
    expect(diffText("", "")).toEqual({ parts: [], wordsAdded: 0, wordsRemoved: 0 });
  });

  it("is case sensitive (a capital letter is an edit)", () => {
    expect(changed(diffText("Đảng bộ", "đảng bộ").parts)).toEqual([
      ["removed", "Đảng"],
      ["added", "đảng"],
    ]);
  });

  it("rebuilds both texts from its parts on a long body", () => {
    const before = Array.from({ length: 400 }, (_, i) => `Câu số ${i} về hội nghị.`).join(" ");
    const after = before.replace("Câu số 7 ", "Câu thứ 7 ").replace("Câu số 300 về", "Câu số 300 nói về");
    const diff = diffText(before, after);
    expect(sides(diff.parts)).toEqual({ before, after });
    expect(diff).toMatchObject({ wordsAdded: 2, wordsRemoved: 1 });
  });

  it("compares title, lead and body in the order the article shows them", () => {
    const fields = diffRevisions({ title: "Tiêu đề", lead: "Sapo cũ", bodyText: "Nội dung" }, { title: "Tiêu đề", lead: "Sapo mới", bodyText: "Nội dung" });
    expect(fields.map((f) => [f.label, f.diff.wordsAdded, f.diff.wordsRemoved])).toEqual([
      ["Tiêu đề", 0, 0],
      ["Sapo", 1, 1],
      ["Nội dung", 0, 0],
    ]);
  });
});
