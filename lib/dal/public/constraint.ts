import { and, eq, isNull, lte, type SQL } from "drizzle-orm";
import { posts } from "@/db/schema";

/**
 * What an anonymous reader may see, as a query constraint every public read includes: published,
 * publication time reached, not in the trash.
 */
export function publicConstraint(now: Date): SQL {
  return and(eq(posts.status, "published"), lte(posts.publishedAt, now), isNull(posts.deletedAt))!;
}
