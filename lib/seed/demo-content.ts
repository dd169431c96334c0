import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/dal/connection";
import { isEmptySite } from "@/lib/dal/site-state";
import { insertSeedPages } from "@/lib/dal/posts/seed-pages";
import { importLegacyText } from "@/lib/legacy/import";
import { SAMPLE_PAGES } from "./sample-pages";
import { ENGLISH_DEMO_POST, seedEnglishSite } from "./english-site";
import { seedSiteStructure } from "./site-structure";

const SAMPLES = path.join(/*turbopackIgnore: true*/ process.cwd(), "samples", "legacy-export");

/** The agency's real posts shipped with the repository, with the categories they belong to. */
const DEMO_POSTS: Array<{ file: string; category: string }> = [
  { file: "000_434db2b6d292e4e5.txt", category: "Hoạt động Đảng, đoàn thể" },
  { file: "001_ab3f09257694bc18.txt", category: "Hoạt động Đảng, đoàn thể" },
  { file: "002_ac325f9820ae4275.txt", category: "Thi đua – Khen thưởng" },
];

/**
 * Seeds the demo posts and the sample pages on an empty database only, so a later start never
 * touches real content; then the site's structure (menus, home page layout, settings), last, so
 * its menus find the posts, categories and pages seeded before it; then the English site the same way.
 */
export function seedDemoContentIfEmpty(db: Db): { seeded: boolean } {
  if (!isEmptySite(db)) return { seeded: false };
  let translated: string | undefined;
  for (const demo of DEMO_POSTS) {
    const file = path.join(/*turbopackIgnore: true*/ SAMPLES, demo.file);
    const outcome = importLegacyText(db, { file, text: fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"), categoryName: demo.category });
    if (outcome.status === "failed") throw new Error(`Demo content ${demo.file} failed to import: ${outcome.reason}`);
    if (demo.file === ENGLISH_DEMO_POST.translates && outcome.status === "imported") translated = outcome.slug;
  }
  insertSeedPages(db, SAMPLE_PAGES);
  seedSiteStructure(db);
  // The English site after the Vietnamese one: its post and pages link to the originals above.
  seedEnglishSite(db, translated);
  return { seeded: true };
}
