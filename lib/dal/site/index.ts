/** The site settings screen's data-layer functions, run as the signed-in admin (lib/dal/bind.ts). */
import "server-only";
import { change, read } from "@/lib/dal/bind";
import { siteSettingsFor, updateSiteSettingsFor, type SiteSettingsInput } from "./queries";

export type { SiteProfileDto, SiteLogo } from "./profile";
export type { SiteSettingsResult } from "./queries";

export const siteSettings = () => read(siteSettingsFor);
export const updateSiteSettings = (input: SiteSettingsInput) => change("settings:manage", "site", (db, actor) => updateSiteSettingsFor(db, actor, input));
