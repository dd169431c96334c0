import type { Metadata } from "next";
import { site } from "@/lib/site";

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/**
 * `<link rel="alternate" type="application/rss+xml">` entries. Next replaces a parent's
 * `alternates` as a whole, so a page that sets its canonical URL must list the feeds again.
 */
export function feedAlternateTypes(category?: { name: string; slug: string }): AlternateTypes {
  const feeds = [{ url: "/rss.xml", title: `Tin mới – ${site.name}` }];
  if (category) feeds.push({ url: `/chuyen-muc/${category.slug}/rss.xml`, title: `Chuyên mục ${category.name} – ${site.name}` });
  return { "application/rss+xml": feeds };
}
