// What a post needs before it may be published, now or at a set time (the pre-publish checklist).
// Pure: the editor shows it live as the form changes, and the server refuses a publish with it.
import type { ContentKind } from "@/db/vocabulary";
import { KINDS } from "@/lib/content/kinds";
import { bodyImagesWithoutAlt } from "@/lib/richtext/figures";
import { accessibilityFindings, accessibilityRefusal } from "@/lib/workflow/accessibility";

export type ChecklistInput = {
  /** A news post by default; a page has no category and needs no lead or source line. */
  kind?: ContentKind;
  title: string;
  lead: string;
  categoryId: number | null;
  source: string;
  body: unknown;
  /** The featured image as it will be stored; `present` false when the post has none. */
  featured: { present: boolean; alt: string; caption: string };
};

export type ChecklistItem = { key: "title" | "lead" | "category" | "source" | "alt" | "caption"; label: string; done: boolean; detail?: string };

export function prePublishChecklist(input: ChecklistInput): ChecklistItem[] {
  const missingAlt = bodyImagesWithoutAlt(input.body);
  if (input.featured.present && !input.featured.alt.trim()) missingAlt.unshift("ảnh đại diện");
  const rules = KINDS[input.kind ?? "post"];
  const items: ChecklistItem[] = [{ key: "title", label: "Có tiêu đề", done: input.title.trim() !== "" }];
  if (rules.needsLeadAndSource) items.push({ key: "lead", label: "Có sapo", done: input.lead.trim() !== "" });
  if (rules.filing === "category") items.push({ key: "category", label: "Đã chọn chuyên mục", done: input.categoryId !== null && input.categoryId > 0 });
  if (rules.needsLeadAndSource) items.push({ key: "source", label: "Có dòng nguồn (đơn vị viết bài)", done: input.source.trim() !== "" });
  return [
    ...items,
    {
      key: "alt",
      label: "Mọi ảnh đều có mô tả (alt) cho người không nhìn thấy ảnh",
      done: missingAlt.length === 0,
      ...(missingAlt.length > 0 ? { detail: `Thiếu mô tả: ${missingAlt.join(", ")}.` } : {}),
    },
    { key: "caption", label: "Ảnh đại diện (nếu có) có chú thích", done: !input.featured.present || input.featured.caption.trim() !== "" },
  ];
}

/** The refusal a publish gets, naming everything still missing at once, not one thing per attempt. */
export function checklistRefusal(items: ChecklistItem[]): string | null {
  const missing = items.filter((item) => !item.done);
  if (missing.length === 0) return null;
  const lines = missing.map((item) => (item.detail ? `${item.label} (${item.detail.replace(/\.$/, "")})` : item.label));
  return `Chưa xuất bản được. Bài viết còn thiếu: ${lines.join("; ")}.`;
}

/**
 * Everything that blocks a publication, in one refusal: the checklist's missing items, then the
 * accessibility errors of the body (lib/workflow/accessibility.ts; its warnings never block).
 */
export function publishRefusal(input: ChecklistInput): string | null {
  const missing = checklistRefusal(prePublishChecklist(input));
  const inaccessible = accessibilityRefusal(accessibilityFindings(input.body));
  if (!missing || !inaccessible) return missing ?? inaccessible;
  return `${missing} ${inaccessible.replace(/^Chưa xuất bản được\. /, "")}`;
}
