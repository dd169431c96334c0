import "server-only";
import { eq } from "drizzle-orm";
import { media } from "@/db/schema";
import type { Language } from "@/db/vocabulary";
import { POST_MESSAGES, type ContentFields } from "@/lib/validations/post";
import { toMediaDto } from "@/lib/dal/media/store";

import { Tx } from "@/lib/dal/connection";
import { type ChangeFailure } from "@/lib/dal/result";

export type FeaturedColumns = { featuredMediaId: number | null; featuredImageUrl: string | null; featuredImageAlt: string; featuredImageCaption: string };

/**
 * The featured image columns: a library image fills the URL columns from its DTO, which the
 * public pages read; an imported post's URL-only image is kept while the form says so. The
 * library's description and caption are Vietnamese: only a Vietnamese post falls back on them,
 * an English one keeps its own (empty until written, which the checklist then asks for).
 */
export function featuredColumns(tx: Tx, data: ContentFields, previous: FeaturedColumns | null, language: Language = "vi"): { ok: true; columns: FeaturedColumns } | ChangeFailure {
  const ownAlt = data.featuredAlt?.trim() ?? "";
  if (data.featuredMediaId) {
    const row = tx.select().from(media).where(eq(media.id, data.featuredMediaId)).get();
    if (!row) return { ok: false, field: "featuredMediaId", message: POST_MESSAGES.mediaMissing };
    const dto = toMediaDto(row);
    const fromLibrary = language === "vi";
    return {
      ok: true,
      columns: {
        featuredMediaId: dto.id,
        featuredImageUrl: dto.src,
        featuredImageAlt: ownAlt || (fromLibrary ? dto.alt : ""),
        featuredImageCaption: data.featuredCaption || (fromLibrary ? dto.caption : ""),
      },
    };
  }
  if (data.keepLegacyImage && previous?.featuredImageUrl && previous.featuredMediaId === null) {
    return {
      ok: true,
      columns: { featuredMediaId: null, featuredImageUrl: previous.featuredImageUrl, featuredImageAlt: ownAlt || previous.featuredImageAlt, featuredImageCaption: data.featuredCaption },
    };
  }
  return { ok: true, columns: { featuredMediaId: null, featuredImageUrl: null, featuredImageAlt: "", featuredImageCaption: "" } };
}
