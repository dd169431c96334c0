import type { MetadataRoute } from "next";
import { robotsRules } from "@/lib/feeds/robots";
import { siteUrl } from "@/lib/site";

// SITE_URL is a start-time setting; a robots.txt prerendered by `next build` would name the build's origin.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules(siteUrl());
}
