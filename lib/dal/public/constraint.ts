import { and, eq, isNull, lte, type SQL } from "drizzle-orm";
import { posts, type ContentKind, type Language } from "@/db/schema";

/**
 * What an anonymous reader may see, as a query constraint every public read includes: published,
 * publication time reached, not in the trash.
 */
export function publicConstraint(now: Date): SQL {
  return and(eq(posts.status, "published"), lte(posts.publishedAt, now), isNull(posts.deletedAt))!;
}

/** Public content of one kind in one language (the Vietnamese news, the pages, the English news…). */
export function publicIn(space: { kind: ContentKind; language: Language }, now: Date): SQL {
  return and(eq(posts.kind, space.kind), eq(posts.language, space.language), publicConstraint(now))!;
}

/** The news of the Vietnamese site: the lists, feeds and articles under /tin-tuc. */
export const NEWS = { kind: "post", language: "vi" } as const;
