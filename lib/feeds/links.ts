import type { Metadata } from "next";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryFeedHref, ROUTES } from "@/lib/i18n/routes";
import { site } from "@/lib/site";

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/**
 * `<link rel="alternate" type="application/rss+xml">` entries of one language's site. Next replaces
 * a parent's `alternates` as a whole, so a page that sets its canonical URL must list the feeds again.
 * `siteName`: the agency's name from the site settings (the start-time name when not given).
 */
export function feedAlternateTypes(category?: { name: string; slug: string }, siteName: string = site.name, language: Language = "vi"): AlternateTypes {
  const words = wordsFor(language).feeds;
  const feeds = [{ url: ROUTES[language].feed, title: words.latest(siteName) }];
  if (category) feeds.push({ url: categoryFeedHref(category.slug, language), title: words.category(category.name, siteName) });
  return { "application/rss+xml": feeds };
}
