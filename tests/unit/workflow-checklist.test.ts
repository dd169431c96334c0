import { describe, expect, it } from "vitest";
import { checklistRefusal, prePublishChecklist, type ChecklistInput } from "@/lib/workflow/checklist";

const figure = (alt: string) => ({ type: "figure", attrs: { src: "/media/a.webp", alt }, content: [{ type: "text", text: "Chú thích" }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });

const complete: ChecklistInput = {
  title: "Hội nghị tổng kết",
  lead: "Sáng nay, Cục tổ chức hội nghị.",
  categoryId: 3,
  source: "Văn phòng Cục",
  body: doc({ type: "paragraph", content: [{ type: "text", text: "Nội dung" }] }, figure("Toàn cảnh hội nghị")),
  featured: { present: true, alt: "Toàn cảnh", caption: "Toàn cảnh hội nghị" },
};

const missingKeys = (input: ChecklistInput) =>
  prePublishChecklist(input)
    .filter((i) => !i.done)
    .map((i) => i.key);

describe("the pre-publish checklist", () => {
  it("passes a complete post", () => {
    expect(missingKeys(complete)).toEqual([]);
    expect(checklistRefusal(prePublishChecklist(complete))).toBeNull();
  });

  it("finds each missing item; whitespace counts as missing", () => {
    expect(missingKeys({ ...complete, title: "  " })).toEqual(["title"]);
    expect(missingKeys({ ...complete, lead: "\n" })).toEqual(["lead"]);
    expect(missingKeys({ ...complete, categoryId: null })).toEqual(["category"]);
    expect(missingKeys({ ...complete, source: "" })).toEqual(["source"]);
    expect(missingKeys({ ...complete, featured: { ...complete.featured, caption: " " } })).toEqual(["caption"]);
    expect(missingKeys({ ...complete, featured: { ...complete.featured, alt: "" } })).toEqual(["alt"]);
    expect(missingKeys({ ...complete, body: doc(figure("Có mô tả"), figure(" ")) })).toEqual(["alt"]);
  });

  it("does not ask for a caption when the post has no featured image", () => {
    expect(missingKeys({ ...complete, featured: { present: false, alt: "", caption: "" } })).toEqual([]);
  });

  it("names every missing image, featured first, and everything missing at once", () => {
    const input = { ...complete, lead: "", source: "", body: doc(figure(""), figure("ok"), figure("")), featured: { present: true, alt: "", caption: "" } };
    const alt = prePublishChecklist(input).find((i) => i.key === "alt");
    expect(alt?.detail).toBe("Thiếu mô tả: ảnh đại diện, ảnh thứ 1 trong nội dung, ảnh thứ 3 trong nội dung.");
    expect(checklistRefusal(prePublishChecklist(input))).toBe(
      "Chưa xuất bản được. Bài viết còn thiếu: Có sapo; Có dòng nguồn (đơn vị viết bài); Mọi ảnh đều có mô tả (alt) cho người không nhìn thấy ảnh (Thiếu mô tả: ảnh đại diện, ảnh thứ 1 trong nội dung, ảnh thứ 3 trong nội dung); Ảnh đại diện (nếu có) có chú thích.",
    );
  });
});
