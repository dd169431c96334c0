import type { Metadata } from "next";
import { site } from "@/lib/site";

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/**
 * `<link rel="alternate" type="application/rss+xml">` entries. Next replaces a parent's
 * `alternates` as a whole, so a page that sets its canonical URL must list the feeds again.
 * `siteName`: the agency's name from the site settings (the start-time name when not given).
 */
export function feedAlternateTypes(category?: { name: string; slug: string }, siteName: string = site.name): AlternateTypes {
  const feeds = [{ url: "/rss.xml", title: `Tin mới – ${siteName}` }];
  if (category) feeds.push({ url: `/chuyen-muc/${category.slug}/rss.xml`, title: `Chuyên mục ${category.name} – ${siteName}` });
  return { "application/rss+xml": feeds };
}
