import type { Metadata } from "next";
import type { Language } from "@/db/vocabulary";

type Languages = NonNullable<NonNullable<Metadata["alternates"]>["languages"]>;

/**
 * `<link rel="alternate" hreflang>` for a page with a published translation: each language's
 * address, and `x-default` (the Vietnamese one, the agency's own language) for readers of neither.
 * Nothing for a page alone in its language: an alternate must point at a page that exists.
 */
export function languageAlternates(translations: Partial<Record<Language, string>> | undefined): Languages | undefined {
  if (!translations?.vi || !translations.en) return undefined;
  return { vi: translations.vi, en: translations.en, "x-default": translations.vi };
}
