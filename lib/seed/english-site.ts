import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/dal/connection";
import { insertSeedPages } from "@/lib/dal/posts/seed-pages";
import { seedEnglishCategoryName, seedHomeLayout, seedMenu, seedPageTranslations } from "@/lib/dal/seed/site-structure";
import { seedSiteProfile } from "@/lib/dal/site/profile";
import { importLegacyText } from "@/lib/legacy/import";
import { ENGLISH_PAGES } from "./english-pages";

const SAMPLES = path.join(/*turbopackIgnore: true*/ process.cwd(), "samples", "legacy-export-en");

/** The sample categories' English names, so the English site can file and link its news. */
export const ENGLISH_CATEGORY_NAMES: ReadonlyArray<{ name: string; nameEn: string }> = [
  { name: "Hoạt động Đảng, đoàn thể", nameEn: "Party and union activities" },
  { name: "Thi đua – Khen thưởng", nameEn: "Emulation and commendation" },
];

/** The English sample post: an English export translating one of the Vietnamese demo posts, by its file. */
export const ENGLISH_DEMO_POST = { file: "002_en.txt", translates: "002_ac325f9820ae4275.txt" };

/**
 * The English site of a first start, after the Vietnamese one: the sample categories' English
 * names, the English sample post (imported as `--language en --translation-of` would) and pages,
 * each linked to its Vietnamese original, then an English profile, header and footer menus and a
 * home page layout, so the switcher and the English site are visible at once.
 * `originalSlug`: the slug of the Vietnamese post the sample translates.
 */
export function seedEnglishSite(db: Db, originalSlug: string | undefined): void {
  for (const { name, nameEn } of ENGLISH_CATEGORY_NAMES) seedEnglishCategoryName(db, name, nameEn);
  if (originalSlug) {
    const file = path.join(/*turbopackIgnore: true*/ SAMPLES, ENGLISH_DEMO_POST.file);
    const outcome = importLegacyText(db, { file, text: fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"), language: "en", translationOf: originalSlug });
    if (outcome.status === "failed") throw new Error(`English demo content ${ENGLISH_DEMO_POST.file} failed to import: ${outcome.reason}`);
  }
  insertSeedPages(db, ENGLISH_PAGES, "en");
  seedPageTranslations(db, ENGLISH_PAGES);
  seedSiteProfile(db, "en");
  seedMenu(db, "header", [{ label: "Home", target: { kind: "url", url: "/en" } }, { page: "about", label: "About us" }, { categories: true }, { page: "contact", label: "Contact" }], "en");
  seedMenu(db, "footer", [{ page: "about", label: "About us" }, { page: "contact", label: "Contact" }, { label: "News by RSS", target: { kind: "url", url: "/en/rss.xml" } }], "en");
  seedHomeLayout(db, new Date(), "en");
}
