import { and, eq, isNull, lte, type Placeholder, type SQL } from "drizzle-orm";
import { posts, type ContentKind, type Language } from "@/db/schema";

/**
 * What an anonymous reader may see, as a query constraint every public read includes: published,
 * publication time reached, not in the trash. `now` may be a placeholder (milliseconds) in a
 * statement prepared once.
 */
export function publicConstraint(now: Date | Placeholder): SQL {
  return and(eq(posts.status, "published"), lte(posts.publishedAt, now), isNull(posts.deletedAt))!;
}

/** Public content of one kind in one language (the Vietnamese news, the pages, the English news…). */
export function publicIn(space: Space, now: Date | Placeholder): SQL {
  return and(eq(posts.kind, space.kind), eq(posts.language, space.language), publicConstraint(now))!;
}

/**
 * Content of one kind in one language that is public or will be once its publication time comes:
 * for a read kept across requests, which checks `publishedAt <= now` itself at each use (as
 * publicConstraint would), so a scheduled item appears on time without anything written.
 */
export function publishedIn(space: Space): SQL {
  return and(eq(posts.kind, space.kind), eq(posts.language, space.language), eq(posts.status, "published"), isNull(posts.deletedAt))!;
}

// The content spaces public reads name, declared once here.
type Space = { kind: ContentKind; language: Language };

/** The news of one language's site: the lists, feeds and articles. */
export const newsIn = (language: Language): Space => ({ kind: "post", language });
/** The news of the Vietnamese site, under /tin-tuc. */
export const NEWS = newsIn("vi");
/** The standing pages of one language's site. */
export const pagesIn = (language: Language): Space => ({ kind: "page", language });
/** The legal documents registry (kept in Vietnamese, the language the documents are issued in). */
export const DOCUMENTS: Space = { kind: "document", language: "vi" };
