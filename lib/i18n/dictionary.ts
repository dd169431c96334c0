/** The dictionary of each public site's language (lib/i18n/vi, lib/i18n/en): one set of components, the words chosen by the page's language. */
import type { Language } from "@/db/vocabulary";
import { en } from "./en";
import { vi, type Dictionary } from "./vi";

export type { Dictionary };
export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { vi, en };
export const wordsFor = (language: Language): Dictionary => DICTIONARIES[language];
