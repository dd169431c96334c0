import "server-only";
import { eq } from "drizzle-orm";
import { siteProfiles, type Language } from "@/db/schema";
import { cacheTags } from "@/lib/cache/tags";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db } from "@/lib/dal/connection";
import { MediaError, uploadMediaFor } from "@/lib/dal/media/store";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import { SITE_TEXT_FIELD_NAMES, SITE_TEXT_FIELDS, siteFieldProblem, type SiteTextField, type SiteTextValues } from "@/lib/validations/site";
import { cleanLine } from "@/lib/vi/text";
import { readSiteProfile, type SiteProfileDto } from "./profile";

/*
 * The site settings screen (admins): who publishes the site, its logo, the footer's contact block.
 * A save names the version it was based on; every save queues `public`, as the header and footer
 * of every page show these.
 */

export type SiteSettingsInput = SiteTextValues & { version: number; language?: Language; logo?: { name: string; bytes: Buffer } | null; removeLogo?: boolean };
export type SiteSettingsResult = ChangeResult<{ version: number }, SiteTextField | "logo" | "version">;

function assertCanManage(actor: Actor | null): asserts actor is Actor {
  requireRole(actor, "settings:manage");
}

export function siteSettingsFor(db: Db, actor: Actor | null, language: Language = "vi"): SiteProfileDto {
  assertCanManage(actor);
  return readSiteProfile(db, language);
}

function cleanValues(input: SiteTextValues): { ok: true; values: SiteTextValues } | ChangeFailure<SiteTextField> {
  const values = {} as SiteTextValues;
  for (const name of SITE_TEXT_FIELD_NAMES) {
    values[name] = cleanLine(input[name] ?? "");
    const problem = siteFieldProblem(name, values[name]);
    if (problem) return { ok: false, field: name, message: problem };
  }
  return { ok: true, values };
}

/**
 * Saves the settings. A new logo goes through the media pipeline first (type by magic bytes, SVG
 * refused, re-encoded), outside the write transaction since it is slow; the same picture uploaded
 * twice is stored once, so a refused save leaves at most one library image behind.
 */
export async function updateSiteSettingsFor(db: Db, actor: Actor | null, input: SiteSettingsInput): Promise<SiteSettingsResult> {
  assertCanManage(actor);
  const language = input.language ?? "vi";
  const clean = cleanValues(input);
  if (!clean.ok) return clean;
  let logoId: number | null | undefined = input.removeLogo ? null : undefined;
  if (input.logo) {
    try {
      logoId = (await uploadMediaFor(db, actor, input.logo)).id;
    } catch (error) {
      if (error instanceof MediaError) return { ok: false, field: "logo", message: error.message };
      throw error;
    }
  }
  return db.transaction((tx): SiteSettingsResult => {
    const before = readSiteProfile(tx, language);
    if (before.version !== input.version) {
      return { ok: false, conflict: true, field: "version", message: "Cài đặt vừa được người khác lưu. Những gì bạn nhập vẫn còn trên màn hình: hãy mở lại trang để xem bản mới, rồi nhập lại thay đổi." };
    }
    const version = before.version + 1;
    const values = { ...clean.values, version, ...(logoId !== undefined ? { logoMediaId: logoId } : {}) };
    if (before.version === 0) tx.insert(siteProfiles).values({ language, ...values }).run();
    else tx.update(siteProfiles).set(values).where(eq(siteProfiles.language, language)).run();

    const changed = SITE_TEXT_FIELD_NAMES.filter((name) => before[name] !== clean.values[name]).map((name) => SITE_TEXT_FIELDS[name].label.toLowerCase());
    if (logoId !== undefined && logoId !== (before.logo?.id ?? null)) changed.push(logoId === null ? "bỏ logo" : "logo mới");
    logActivity(tx, { actor: logActor(actor), action: "site.update", objectType: "site", objectId: language, summary: changed.length ? `Đổi ${changed.join(", ")}` : "Lưu, không đổi gì", ip: actor.ip });
    queueInvalidation(tx, [cacheTags.all]);
    return { ok: true, version, message: "Đã lưu cài đặt trang. Mọi trang công khai cập nhật trong vài giây." };
  }, WRITE);
}
