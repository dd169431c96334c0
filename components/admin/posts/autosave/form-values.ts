import type { PostDetail } from "@/lib/dal/posts";
import type { DraftValues } from "@/lib/editor/draft-values";
import type { DraftFeatured } from "@/lib/editor/local-draft";
import { toVietnamDateTimeInput } from "@/lib/validations/post";
import type { PostFormFields } from "../usePostFields";

/** A draft's values as the form's controlled fields (what `setFields` takes). */
export function fieldsFromValues(values: DraftValues): PostFormFields {
  return {
    title: values.title ?? "",
    slug: values.slug ?? "",
    lead: values.lead ?? "",
    categoryId: values.categoryId ?? "",
    source: values.source ?? "",
    featuredCaption: values.featuredCaption ?? "",
    publishedAt: values.publishedAt ?? "",
    seoTitle: values.seoTitle ?? "",
    seoDescription: values.seoDescription ?? "",
  };
}

/** The post as the server has it, as the form would send it: "Lấy bản của người kia" loads this. */
export function valuesFromPost(post: PostDetail): { values: DraftValues; featured: DraftFeatured } {
  const legacy = Boolean(post.featured.src) && post.featured.mediaId === null;
  return {
    values: {
      title: post.title,
      slug: post.slug,
      slugAuto: "0",
      lead: post.lead,
      categoryId: String(post.categoryId),
      source: post.source,
      featuredMediaId: post.featured.mediaId === null ? "" : String(post.featured.mediaId),
      featuredCaption: post.featured.caption,
      keepLegacyImage: legacy ? "1" : "0",
      publishedAt: toVietnamDateTimeInput(post.publishedAt),
      seoTitle: post.seoTitle,
      seoDescription: post.seoDescription,
      body: JSON.stringify(post.body),
    },
    featured: post.featured.src ? { mediaId: post.featured.mediaId, src: post.featured.src, alt: post.featured.alt, legacy } : null,
  };
}
