/*
 * The post form's model: what the edit screen starts from, the controlled fields, the chosen
 * picture, and how a stored post, a draft's plain values and the form's fields turn into one
 * another. Pure, so the form's components, the autosave engine and the tests share one copy.
 */
import type { PostDetail } from "@/lib/dal/posts";
import type { DraftValues } from "@/lib/editor/draft-values";
import type { DraftFeatured } from "@/lib/editor/local-draft";
import { serializeRelatedDocuments } from "@/lib/editor/related-documents";
import { POST_TEXT_FIELDS, toVietnamDateTimeInput, type PostTextField } from "@/lib/validations/post";

/** What the edit screen needs of a stored post. */
export type EditablePost = Pick<PostDetail, PostTextField | "id" | "kind" | "language" | "slug" | "body" | "featured" | "categoryId" | "parentId" | "publishedAt" | "version" | "relatedDocuments">;

/** The form's text fields, each one controlled. */
export type PostFormFields = Record<PostTextField, string> & {
  slug: string;
  categoryId: string;
  /** A page's parent page; empty for a top-level page (and for news, which has none). */
  parentId: string;
  featuredCaption: string;
  /** The featured image's description, written per post only in English (a Vietnamese post uses the library's). */
  featuredAlt: string;
  publishedAt: string;
};

/** What the edit screen hands its form: only these fields of the post reach the browser. */
export function editablePost(post: PostDetail): EditablePost {
  const { id, kind, language, slug, body, featured, categoryId, parentId, publishedAt, version, relatedDocuments } = post;
  return { ...textFrom(post), id, kind, language, slug, body, featured, categoryId, parentId, publishedAt, version, relatedDocuments };
}

const textFrom = (source: Partial<Record<PostTextField, string>> | null | undefined): Record<PostTextField, string> =>
  Object.fromEntries(POST_TEXT_FIELDS.map((field) => [field, source?.[field] ?? ""])) as Record<PostTextField, string>;

/** The chosen image; `legacy` is an imported post's URL-only image, kept until it is replaced or removed. */
export type Featured = { mediaId: number | null; src: string; alt: string; legacy: boolean } | null;

/** Counted as the validation counts (code points), so a counter and its limit agree. */
export const letterCount = (s: string) => [...s].length;

/** A page's slug is its whole path; the form edits only its own last segment (a news slug is one segment). */
export const ownSegment = (slug: string) => slug.split("/").at(-1) ?? "";

const idText = (id: number | null | undefined) => (id ? String(id) : "");

/** What a new post starts with: the author's unit as its source line, a page the parent it was added under. */
export type NewPostDefaults = { source: string; parentId?: number | null };

export function initialFields(post: EditablePost | null, defaults: NewPostDefaults): PostFormFields {
  return {
    ...textFrom(post),
    source: post?.source ?? defaults.source,
    slug: ownSegment(post?.slug ?? ""),
    categoryId: idText(post?.categoryId),
    parentId: idText(post ? post.parentId : defaults.parentId),
    featuredCaption: post?.featured.caption ?? "",
    featuredAlt: post?.featured.alt ?? "",
    publishedAt: toVietnamDateTimeInput(post?.publishedAt),
  };
}

export function initialFeatured(post: EditablePost | null): Featured {
  if (!post?.featured.src) return null;
  return { mediaId: post.featured.mediaId, src: post.featured.src, alt: post.featured.alt, legacy: post.featured.mediaId === null };
}

/** A draft's values as the form's controlled fields (what `setFields` takes). */
export function fieldsFromValues(values: DraftValues): PostFormFields {
  return {
    ...textFrom(values),
    slug: values.slug ?? "",
    categoryId: values.categoryId ?? "",
    parentId: values.parentId ?? "",
    featuredCaption: values.featuredCaption ?? "",
    featuredAlt: values.featuredAlt ?? "",
    publishedAt: values.publishedAt ?? "",
  };
}

/** The post as the server has it, as the form would send it: "Lấy bản của người kia" loads this. */
export function valuesFromPost(post: PostDetail): { values: DraftValues; featured: DraftFeatured } {
  const legacy = Boolean(post.featured.src) && post.featured.mediaId === null;
  return {
    values: {
      ...textFrom(post),
      slug: ownSegment(post.slug),
      slugAuto: "0",
      categoryId: idText(post.categoryId),
      parentId: idText(post.parentId),
      featuredMediaId: post.featured.mediaId === null ? "" : String(post.featured.mediaId),
      featuredCaption: post.featured.caption,
      featuredAlt: post.featured.alt,
      keepLegacyImage: legacy ? "1" : "0",
      publishedAt: toVietnamDateTimeInput(post.publishedAt),
      body: JSON.stringify(post.body),
      relatedDocuments: serializeRelatedDocuments(post.relatedDocuments),
    },
    featured: post.featured.src ? { mediaId: post.featured.mediaId, src: post.featured.src, alt: post.featured.alt, legacy } : null,
  };
}
