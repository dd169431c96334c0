import "server-only";
import { eq } from "drizzle-orm";
import { media } from "@/db/schema";
import { POST_MESSAGES, type ContentFields } from "@/lib/validations/post";
import { toMediaDto } from "@/lib/dal/media/store";

import { Tx } from "@/lib/dal/connection";
import { type ChangeFailure } from "@/lib/dal/result";

export type FeaturedColumns = { featuredMediaId: number | null; featuredImageUrl: string | null; featuredImageAlt: string; featuredImageCaption: string };

/**
 * The featured image columns: a library image fills the URL columns from its DTO, which the
 * public pages read; an imported post's URL-only image is kept while the form says so.
 */
export function featuredColumns(tx: Tx, data: ContentFields, previous: FeaturedColumns | null): { ok: true; columns: FeaturedColumns } | ChangeFailure {
  if (data.featuredMediaId) {
    const row = tx.select().from(media).where(eq(media.id, data.featuredMediaId)).get();
    if (!row) return { ok: false, field: "featuredMediaId", message: POST_MESSAGES.mediaMissing };
    const dto = toMediaDto(row);
    return {
      ok: true,
      columns: { featuredMediaId: dto.id, featuredImageUrl: dto.src, featuredImageAlt: dto.alt, featuredImageCaption: data.featuredCaption || dto.caption },
    };
  }
  if (data.keepLegacyImage && previous?.featuredImageUrl && previous.featuredMediaId === null) {
    return {
      ok: true,
      columns: { featuredMediaId: null, featuredImageUrl: previous.featuredImageUrl, featuredImageAlt: previous.featuredImageAlt, featuredImageCaption: data.featuredCaption },
    };
  }
  return { ok: true, columns: { featuredMediaId: null, featuredImageUrl: null, featuredImageAlt: "", featuredImageCaption: "" } };
}
