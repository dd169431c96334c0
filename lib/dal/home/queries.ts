import "server-only";
import { asc, inArray } from "drizzle-orm";
import { categories, posts, type FeaturedEntry, type Language } from "@/db/schema";
import { cacheTags } from "@/lib/cache/tags";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db } from "@/lib/dal/connection";
import { findPosts, resolveTargets, targetKey, type PostChoice } from "@/lib/dal/menus/targets";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import type { TargetState } from "@/lib/menus/target-state";
import { HOME_MESSAGES, parseEndsAt, type FeaturedInput } from "@/lib/validations/home";
import { toVietnamDateTimeInput } from "@/lib/validations/post";
import { HOME_LIMITS, readHomeLayout, writeHomeLayout } from "./layout";

/*
 * The home page screen (editors and admins): the featured stories in order with their end times,
 * the category blocks in order, the announcements category. Saved as a whole over the version the
 * editor started from; every save queues `home`, the tag of the home page and its listings.
 */

export type FeaturedEditorEntry = {
  postId: number;
  /** `datetime-local` value in Vietnam time, or "". */
  endsAt: string;
  title: string;
  href: string | null;
  state: TargetState;
  /** Past its end time: the home page no longer shows it. */
  ended: boolean;
  hasImage: boolean;
};
export type HomeEditorData = {
  language: Language;
  version: number;
  featured: FeaturedEditorEntry[];
  blockCategoryIds: number[];
  announcementsCategoryId: number | null;
  categories: Array<{ id: number; name: string }>;
  limits: typeof HOME_LIMITS;
};
export type SaveHomeInput = { language: Language; version: number; featured: FeaturedInput[]; blockCategoryIds: number[]; announcementsCategoryId: number | null };
export type SaveHomeResult = ChangeResult<{ version: number }, "featured" | "blockCategoryIds" | "announcementsCategoryId" | "version">;

function assertCanManage(actor: Actor | null): asserts actor is Actor {
  requireRole(actor, "home:manage");
}

function describeFeatured(db: Pick<Db, "select">, entries: FeaturedEntry[], now: Date): FeaturedEditorEntry[] {
  const resolved = resolveTargets(db, entries.map((entry) => ({ kind: "post", id: entry.postId })), now);
  const ids = entries.map((entry) => entry.postId);
  const withImage = new Set(
    ids.length ? db.select({ id: posts.id, image: posts.featuredImageUrl }).from(posts).where(inArray(posts.id, ids)).all().filter((row) => row.image !== null).map((row) => row.id) : [],
  );
  return entries.map((entry) => {
    const target = resolved.get(targetKey({ kind: "post", id: entry.postId }));
    return {
      postId: entry.postId,
      endsAt: entry.endsAt === null ? "" : toVietnamDateTimeInput(new Date(entry.endsAt)),
      title: target?.title || `Bài viết #${entry.postId}`,
      href: target?.href ?? null,
      state: target?.state ?? "missing",
      ended: entry.endsAt !== null && entry.endsAt <= now.getTime(),
      hasImage: withImage.has(entry.postId),
    };
  });
}

/** The categories a layout may give a block to: on the English home page, those with an English name, under it. */
function categoryChoices(db: Pick<Db, "select">, language: Language): Array<{ id: number; name: string }> {
  const rows = db.select({ id: categories.id, name: categories.name, nameEn: categories.nameEn }).from(categories).orderBy(asc(categories.position), asc(categories.name)).all();
  return language === "vi" ? rows.map(({ id, name }) => ({ id, name })) : rows.flatMap(({ id, nameEn }) => (nameEn ? [{ id, name: nameEn }] : []));
}

export function homeEditorFor(db: Db, actor: Actor | null, language: Language = "vi", now: Date = new Date()): HomeEditorData {
  assertCanManage(actor);
  const layout = readHomeLayout(db, language);
  return {
    language,
    version: layout.version,
    featured: describeFeatured(db, layout.featured, now),
    blockCategoryIds: layout.blockCategoryIds,
    announcementsCategoryId: layout.announcementsCategoryId,
    categories: categoryChoices(db, language),
    limits: HOME_LIMITS,
  };
}

export function findPostsForHomeFor(db: Db, actor: Actor | null, query: string, language: Language = "vi"): PostChoice[] {
  assertCanManage(actor);
  return findPosts(db, query, language);
}

type Checked = { ok: true; featured: FeaturedEntry[] } | ChangeFailure<"featured" | "blockCategoryIds" | "announcementsCategoryId">;

/**
 * The checks of a layout to save. A story already featured keeps its state (a trashed one stays,
 * flagged, until removed) and its end time even once passed; a new one must exist outside the
 * trash, and a new end time must be in the future.
 */
function checkLayout(db: Pick<Db, "select">, input: SaveHomeInput, before: FeaturedEntry[], now: Date): Checked {
  if (input.featured.length > HOME_LIMITS.featured) return { ok: false, field: "featured", message: HOME_MESSAGES.tooManyFeatured(HOME_LIMITS.featured) };
  if (new Set(input.featured.map((entry) => entry.postId)).size !== input.featured.length) return { ok: false, field: "featured", message: HOME_MESSAGES.duplicateFeatured };
  const known = new Map(before.map((entry) => [entry.postId, entry]));
  const resolved = resolveTargets(db, input.featured.map((entry) => ({ kind: "post", id: entry.postId })), now);
  const featured: FeaturedEntry[] = [];
  for (const [index, entry] of input.featured.entries()) {
    const target = resolved.get(targetKey({ kind: "post", id: entry.postId }));
    const which = `Tin nổi bật thứ ${index + 1}${target?.title ? ` (“${target.title}”)` : ""}: `;
    const previous = known.get(entry.postId);
    if (!previous && target?.state === "missing") return { ok: false, field: "featured", message: which + HOME_MESSAGES.postMissing };
    if (!previous && target?.state === "trashed") return { ok: false, field: "featured", message: which + HOME_MESSAGES.postTrashed };
    const endsAt = parseEndsAt(entry.endsAt);
    if (!endsAt.ok) return { ok: false, field: "featured", message: which + endsAt.message };
    const at = endsAt.at?.getTime() ?? null;
    const unchanged = previous !== undefined && previous.endsAt !== null && at !== null && Math.floor(previous.endsAt / 60_000) === Math.floor(at / 60_000);
    if (at !== null && at <= now.getTime() && !unchanged) return { ok: false, field: "featured", message: which + HOME_MESSAGES.endsAtPast };
    featured.push({ postId: entry.postId, endsAt: unchanged ? previous.endsAt : at });
  }
  const blockIds = [...new Set(input.blockCategoryIds)];
  if (blockIds.length > HOME_LIMITS.blocks) return { ok: false, field: "blockCategoryIds", message: HOME_MESSAGES.tooManyBlocks(HOME_LIMITS.blocks) };
  const wanted = [...blockIds, ...(input.announcementsCategoryId === null ? [] : [input.announcementsCategoryId])];
  const existing = new Set(wanted.length ? db.select({ id: categories.id }).from(categories).where(inArray(categories.id, wanted)).all().map((row) => row.id) : []);
  if (!blockIds.every((id) => existing.has(id))) return { ok: false, field: "blockCategoryIds", message: HOME_MESSAGES.categoryMissing };
  if (input.announcementsCategoryId !== null && !existing.has(input.announcementsCategoryId)) return { ok: false, field: "announcementsCategoryId", message: HOME_MESSAGES.categoryMissing };
  return { ok: true, featured };
}

/** Saves the layout in one IMMEDIATE transaction, over the version the editor started from, logged, with `home` queued. */
export function saveHomeLayoutFor(db: Db, actor: Actor | null, input: SaveHomeInput, now: Date = new Date()): SaveHomeResult {
  assertCanManage(actor);
  return db.transaction((tx): SaveHomeResult => {
    const before = readHomeLayout(tx, input.language);
    if (before.version !== input.version) {
      return { ok: false, conflict: true, field: "version", message: "Bố cục trang chủ vừa được người khác lưu. Những gì bạn sắp xếp vẫn còn trên màn hình: hãy mở lại trang để xem bản mới, rồi sắp xếp lại." };
    }
    const checked = checkLayout(tx, input, before.featured, now);
    if (!checked.ok) return checked;
    const version = before.version + 1;
    const value = { featured: checked.featured, blockCategoryIds: [...new Set(input.blockCategoryIds)], announcementsCategoryId: input.announcementsCategoryId };
    writeHomeLayout(tx, input.language, value, version);
    const parts = [
      `tin nổi bật: ${value.featured.map((entry) => `#${entry.postId}${entry.endsAt ? ` (đến ${toVietnamDateTimeInput(new Date(entry.endsAt)).replace("T", " ")})` : ""}`).join(", ") || "không có"}`,
      `khối chuyên mục: ${value.blockCategoryIds.map((id) => `#${id}`).join(", ") || "không có"}`,
      `thông báo: ${value.announcementsCategoryId === null ? "không có" : `#${value.announcementsCategoryId}`}`,
    ];
    logActivity(tx, { actor: logActor(actor), action: "home.update", objectType: "home", objectId: input.language, summary: parts.join("; "), ip: actor.ip });
    queueInvalidation(tx, [cacheTags.home]);
    return { ok: true, version, message: "Đã lưu bố cục trang chủ. Trang chủ cập nhật trong vài giây." };
  }, WRITE);
}
