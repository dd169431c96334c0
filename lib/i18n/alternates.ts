import type { Language } from "@/db/vocabulary";

/** hreflang → address: what the page head and the sitemap both declare. */
export type HreflangAddresses = Record<Language | "x-default", string>;

/**
 * `<link rel="alternate" hreflang>` for a page with a published translation: each language's
 * address, and `x-default` (the Vietnamese one, the agency's own language) for readers of neither.
 * Nothing for a page alone in its language: an alternate must point at a page that exists. The
 * same rule gives the sitemap's `xhtml:link` entries.
 */
export function languageAlternates(translations: Partial<Record<Language, string>> | undefined): HreflangAddresses | undefined {
  if (!translations?.vi || !translations.en) return undefined;
  return { vi: translations.vi, en: translations.en, "x-default": translations.vi };
}
