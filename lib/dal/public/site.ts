import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { cache } from "react";
import type { Language } from "@/db/schema";
import { getDb } from "@/lib/dal/connection";
import { readSiteProfile, type SiteProfileDto } from "@/lib/dal/site/profile";
import { makeSiteIcons, type SiteIcons } from "@/lib/media/icons";
import { mediaDirectory } from "@/lib/media/store";

export type { SiteProfileDto };

/**
 * Who publishes the site, for the header, the footer and the titles of every page: the admin's
 * settings, or the start-time defaults. One read per render (the header, the footer and the
 * metadata share it); a settings save queues `public`, which empties every page copy.
 */
export const getSiteProfile = cache((language: Language = "vi"): SiteProfileDto => readSiteProfile(getDb(), language));

/** A short version of the icons for their addresses (`/favicon.ico?v=…`), so a new logo is fetched at once. */
export const iconVersion = (profile: Pick<SiteProfileDto, "logo">) => profile.logo?.hash.slice(0, 10) ?? "0";

// Icons made per logo, kept for the process: a few entries at most (the default and the current logo).
const made = ((globalThis as unknown as { __cmsSiteIcons?: Map<string, Promise<SiteIcons>> }).__cmsSiteIcons ??= new Map());

/**
 * The site's icons: from the logo's smallest rendition (it is at least as large as any icon), or
 * the default star when there is no logo or its file cannot be read.
 */
export async function getSiteIcons(): Promise<SiteIcons> {
  const { logo } = getSiteProfile();
  const key = logo ? logo.hash : "default";
  let icons = made.get(key);
  if (!icons) {
    icons = (async () => {
      const bytes = logo ? await fs.readFile(path.join(mediaDirectory(), logo.smallestFile)).catch(() => null) : null;
      return makeSiteIcons(bytes);
    })();
    if (made.size >= 4) made.clear();
    made.set(key, icons);
    icons.catch(() => made.delete(key));
  }
  return icons;
}
