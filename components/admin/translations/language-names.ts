import type { Language } from "@/db/vocabulary";

/** The languages as staff screens name them. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { vi: "Tiếng Việt", en: "Tiếng Anh" };
