import "server-only";
import { eq } from "drizzle-orm";
import { media, siteProfiles, type Language } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";
import { toMediaDto } from "@/lib/dal/media/store";
import { englishSiteDefaults, siteDefaults } from "@/lib/site";
import { SITE_TEXT_FIELD_NAMES, type SiteTextValues } from "@/lib/validations/site";

/** The site's logo as pages show it: a library image's renditions and its shape. */
export type SiteLogo = { id: number; hash: string; src: string; srcsetWebp: string; srcsetFallback: string; width: number; height: number; name: string; smallestFile: string };

/** Who publishes the site and how to reach them; `version` 0 means nothing is stored yet (the start-time settings stand in). */
export type SiteProfileDto = SiteTextValues & { language: Language; logo: SiteLogo | null; version: number };

/** The start-time settings (SITE_NAME, SITE_PARENT) as a profile: what a site shows until an admin saves one, and what the first start stores. */
export function defaultProfile(language: Language = "vi"): SiteProfileDto {
  const site = language === "en" ? englishSiteDefaults() : siteDefaults();
  return {
    language,
    name: site.name,
    parent: site.parent,
    address: site.address,
    phone: "",
    hotline: "",
    email: "",
    workingHours: "",
    copyright: `© ${site.name}.`,
    sourceNote: language === "en" ? "Please cite the source when republishing information from this site." : "Ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
    logo: null,
    version: 0,
  };
}

/** The stored profile of a language, or the start-time defaults. */
export function readSiteProfile(db: Pick<Db, "select">, language: Language = "vi"): SiteProfileDto {
  const row = db.select().from(siteProfiles).where(eq(siteProfiles.language, language)).get();
  // The English site shows the agency's one logo, set in the Vietnamese profile, unless its own names another.
  const logoMediaId = row?.logoMediaId ?? (language === "vi" ? null : (db.select({ id: siteProfiles.logoMediaId }).from(siteProfiles).where(eq(siteProfiles.language, "vi")).get()?.id ?? null));
  if (!row) return { ...defaultProfile(language), logo: readLogo(db, logoMediaId) };
  return { ...profileOf(row, language), logo: readLogo(db, logoMediaId) };
}

function readLogo(db: Pick<Db, "select">, logoMediaId: number | null): SiteLogo | null {
  const logoRow = logoMediaId === null ? undefined : db.select().from(media).where(eq(media.id, logoMediaId)).get();
  let logo: SiteLogo | null = null;
  if (logoRow) {
    const dto = toMediaDto(logoRow);
    const smallest = [...logoRow.renditions].filter((r) => r.format === logoRow.fallbackFormat).sort((a, b) => a.width - b.width)[0] ?? logoRow.renditions[0]!;
    logo = { id: dto.id, hash: logoRow.hash, src: dto.src, srcsetWebp: dto.srcsetWebp, srcsetFallback: dto.srcsetFallback, width: dto.width, height: dto.height, name: dto.name, smallestFile: smallest.file };
  }
  return logo;
}

function profileOf(row: typeof siteProfiles.$inferSelect, language: Language): SiteProfileDto {
  return {
    language,
    name: row.name,
    parent: row.parent,
    address: row.address,
    phone: row.phone,
    hotline: row.hotline,
    email: row.email,
    workingHours: row.workingHours,
    copyright: row.copyright,
    sourceNote: row.sourceNote,
    logo: null,
    version: row.version,
  };
}

/** Stores the start-time defaults as the profile, on a site that has none (the first start). */
export function seedSiteProfile(db: Pick<Db, "insert">, language: Language = "vi"): void {
  const profile = defaultProfile(language);
  const values = Object.fromEntries(SITE_TEXT_FIELD_NAMES.map((name) => [name, profile[name]])) as SiteTextValues;
  db.insert(siteProfiles).values({ language, ...values }).onConflictDoNothing().run();
}
