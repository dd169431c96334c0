import "server-only";
import { recordSubmittedRevision } from "@/lib/content/revisions";
import type { RenderedDocument } from "@/lib/richtext/render";
import type { PostFields } from "@/lib/validations/post";
import type { PostActor } from "./access";
import { featuredColumns, type FeaturedColumns } from "./featured";
import type { Tx } from "./write";

type CurrentRow = FeaturedColumns & { slug: string; status: "draft" | "pending" | "published" | "unpublished"; publishedAt: Date | null };

/**
 * A save based on an older version writes nothing to the post, but what it carried is kept as a
 * "conflict" revision: the person may close the tab before choosing, and neither text may be lost.
 */
export function keepRefusedSave(tx: Tx, actor: PostActor, postId: number, basedOn: number, data: PostFields, rendered: RenderedDocument, row: CurrentRow): void {
  // A picture deleted meanwhile must not cost the text: the current picture is kept instead.
  const featured = featuredColumns(tx, data, row);
  const picture: FeaturedColumns = featured.ok
    ? featured.columns
    : { featuredMediaId: row.featuredMediaId, featuredImageUrl: row.featuredImageUrl, featuredImageAlt: row.featuredImageAlt, featuredImageCaption: row.featuredImageCaption };
  recordSubmittedRevision(
    tx,
    postId,
    basedOn,
    "conflict",
    {
      title: data.title,
      slug: data.slug || row.slug,
      lead: data.lead,
      body: rendered.json,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      source: data.source,
      seoTitle: data.seoTitle,
      seoDescription: data.seoDescription,
      ...picture,
      categoryId: data.categoryId,
      status: row.status,
      publishedAt: data.publishedAt ?? row.publishedAt,
    },
    actor,
    `Bản bị từ chối vì dựa trên phiên bản ${basedOn}`,
  );
}
