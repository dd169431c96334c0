/**
 * A post's content as one value: the columns a save writes, a revision keeps and a refused save
 * sets aside (declared once, as `contentColumns` in db/schema/posts.ts), the one function that builds them
 * from the form, and how two of them differ. Adding a field to posts is a column there, a line in
 * `postContent` and a label in CHANGE_LABELS here (the types ask for both), plus the form and a migration.
 */
import "server-only";
import { contentColumns, posts } from "@/db/schema";
import type { PostStatus } from "@/db/vocabulary";
import type { RenderedDocument } from "@/lib/richtext/render";
import { postTextOf, type ContentFields, type PostTextField } from "@/lib/validations/post";
import type { FeaturedColumns } from "./featured";

export type ContentKey = keyof ReturnType<typeof contentColumns>;
export type PostContent = Pick<typeof posts.$inferSelect, ContentKey>;

const CONTENT_KEYS = Object.keys(contentColumns()) as ContentKey[];

/** The posts table's content columns, for a select that reads the whole content. */
export const postContentColumns = Object.fromEntries(CONTENT_KEYS.map((key) => [key, posts[key]])) as { [K in ContentKey]: (typeof posts)[K] };

/** The content of a post or revision row, and nothing else of it. */
export function contentOf(row: PostContent): PostContent {
  return Object.fromEntries(CONTENT_KEYS.map((key) => [key, row[key]])) as PostContent;
}

/** What the server settles while saving, beyond what the form says. */
export type SettledContent = {
  slug: string;
  /** The body checked against the editor's schema, rendered and sanitized (lib/richtext/render.ts). */
  rendered: RenderedDocument;
  featured: FeaturedColumns;
  status: PostStatus;
  publishedAt: Date | null;
};

/**
 * The stored columns for the form's fields: the body as JSON, its sanitized HTML and its plain
 * text (the search index is filled from title, lead and text by the table's triggers).
 */
export function postContent(fields: Pick<ContentFields, PostTextField> & { categoryId: number | null }, settled: SettledContent): PostContent {
  return {
    ...postTextOf(fields),
    slug: settled.slug,
    body: settled.rendered.json,
    bodyHtml: settled.rendered.html,
    bodyText: settled.rendered.text,
    ...settled.featured,
    categoryId: fields.categoryId,
    status: settled.status,
    publishedAt: settled.publishedAt,
  };
}

/**
 * How the activity log names a changed column (several may share a label). Null: derived from
 * another column (HTML and text from the body), or not chosen in the post (a library image's alt text).
 */
const CHANGE_LABELS: Record<ContentKey, string | null> = {
  title: "tiêu đề",
  slug: "đường dẫn",
  lead: "sapo",
  body: "nội dung",
  bodyHtml: null,
  bodyText: null,
  source: "nguồn",
  seoTitle: "tiêu đề SEO",
  seoDescription: "mô tả SEO",
  featuredMediaId: "ảnh đại diện",
  featuredImageUrl: "ảnh đại diện",
  featuredImageAlt: null,
  featuredImageCaption: "chú thích ảnh",
  categoryId: "chuyên mục",
  publishedAt: "thời gian xuất bản",
  status: "status",
};

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);
  if (typeof a === "object" || typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** What a save changes, as activity-log labels, leaving out the `ignored` columns; empty when it would write nothing. */
export function describeChanges(before: PostContent, after: PostContent, ignored: readonly ContentKey[] = []): string[] {
  const labels = new Set<string>();
  for (const key of CONTENT_KEYS) {
    const label = CHANGE_LABELS[key];
    if (label && !ignored.includes(key) && !same(before[key], after[key])) labels.add(label);
  }
  return [...labels];
}
