import "server-only";
import type { PostStatus } from "@/db/schema";

type Comparable = {
  title: string;
  slug: string;
  lead: string;
  body: unknown;
  source: string;
  seoTitle: string;
  seoDescription: string;
  featuredMediaId: number | null;
  featuredImageUrl: string | null;
  featuredImageCaption: string;
  categoryId: number;
  status: PostStatus;
  publishedAt: Date | null;
};

// Labels of what changed, for the activity log; an empty list means the save would write nothing.
const CHANGE_LABELS: Array<[keyof Comparable, string]> = [
  ["title", "tiêu đề"],
  ["slug", "đường dẫn"],
  ["lead", "sapo"],
  ["body", "nội dung"],
  ["source", "nguồn"],
  ["seoTitle", "tiêu đề SEO"],
  ["seoDescription", "mô tả SEO"],
  ["featuredMediaId", "ảnh đại diện"],
  ["featuredImageUrl", "ảnh đại diện"],
  ["featuredImageCaption", "chú thích ảnh"],
  ["categoryId", "chuyên mục"],
  ["publishedAt", "thời gian xuất bản"],
  ["status", "status"],
];

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);
  if (typeof a === "object" || typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** What a save changes, as activity-log labels (several columns can share one), leaving out the `ignored` columns. */
export function describeChanges(before: Comparable, after: Comparable, ignored: readonly (keyof Comparable)[] = []): string[] {
  const labels = new Set<string>();
  for (const [key, label] of CHANGE_LABELS) if (!ignored.includes(key) && !same(before[key], after[key])) labels.add(label);
  return [...labels];
}
