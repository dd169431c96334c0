import type { MetadataRoute } from "next";

/**
 * Crawlers may read every public page; staff pages, the API and search results stay out (search
 * pages are an endless space of query URLs that only repeat the articles).
 */
export const ROBOTS_DISALLOW = ["/admin", "/login", "/api/", "/tim-kiem"] as const;

export function robotsRules(origin: string): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: [...ROBOTS_DISALLOW] }],
    sitemap: `${origin}/sitemap.xml`,
  };
}
