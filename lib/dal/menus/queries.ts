import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { categories, menuItems, menus, posts, type Language, type MenuLocation } from "@/db/schema";
import { MENU_LOCATIONS } from "@/db/vocabulary";
import { cacheTags } from "@/lib/cache/tags";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db, type Tx } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import { MENU_RULES, shapeProblem, type MenuTarget } from "@/lib/menus/tree";
import { menuLabelProblem, menuUrlProblem, MENU_MESSAGES, type MenuItemInput } from "@/lib/validations/menu";
import { findPosts, resolveTargets, targetKey, type PostChoice, type ResolvedTarget, type TargetState } from "./targets";

/*
 * The menus of the public site, for the staff screen: read with every entry's target as it stands
 * (so a withdrawn or trashed target is flagged), and saved as a whole over the version the editor
 * started from. Every function takes the database and the acting person; ./index.ts binds them.
 */

export type MenuEntry = MenuItemInput & { target: MenuTarget };

/** An entry as the editor shows it: what it is, and where its target stands now. */
export type MenuEditorItem = MenuEntry & { targetTitle: string; href: string | null; state: TargetState; external: boolean };
export type MenuEditorMenu = { location: MenuLocation; language: Language; version: number; items: MenuEditorItem[] };
/** Something an entry can point at, offered in the editor's lists (categories, pages) or found by the post search. */
export type MenuTargetOption = { kind: "category" | "page" | "post"; id: number; title: string; href: string | null; state: TargetState; depth?: number };
export type { PostChoice };
export type MenuEditorData = { language: Language; menus: MenuEditorMenu[]; categories: MenuTargetOption[]; pages: MenuTargetOption[] };

export type SaveMenuInput = { location: MenuLocation; language: Language; version: number; items: MenuItemInput[] };
export type SaveMenuResult = ChangeResult<{ version: number }> | (ChangeFailure & { conflict: true; latestVersion: number });

function assertCanManage(actor: Actor | null): asserts actor is Actor {
  requireRole(actor, "menu:manage");
}

/** A menu's entries in reading order, each with its depth (0, or 1 under the nearest top-level entry above). */
export function readMenuEntries(db: Pick<Db, "select">, location: MenuLocation, language: Language): { version: number; entries: MenuEntry[] } {
  const menu = db.select({ id: menus.id, version: menus.version }).from(menus).where(and(eq(menus.location, location), eq(menus.language, language))).get();
  if (!menu) return { version: 0, entries: [] };
  const rows = db
    .select({ parentId: menuItems.parentId, label: menuItems.label, targetKind: menuItems.targetKind, targetId: menuItems.targetId, url: menuItems.url })
    .from(menuItems)
    .where(eq(menuItems.menuId, menu.id))
    .orderBy(asc(menuItems.position), asc(menuItems.id))
    .all();
  const entries = rows.map(
    (row): MenuEntry => ({
      label: row.label,
      depth: row.parentId === null ? 0 : 1,
      target: row.targetKind === "url" ? { kind: "url", url: row.url ?? "" } : { kind: row.targetKind, id: row.targetId ?? 0 },
    }),
  );
  return { version: menu.version, entries };
}

const describeTarget = (entry: MenuEntry, resolved: ResolvedTarget | undefined): Omit<MenuEditorItem, keyof MenuEntry> => ({
  targetTitle: resolved?.title ?? "",
  href: resolved?.href ?? null,
  state: resolved?.state ?? "missing",
  external: resolved?.external ?? false,
});

/** Everything the menu screen needs: the three menus of a language and what their entries can point at. */
export function menuEditorFor(db: Db, actor: Actor | null, language: Language = "vi"): MenuEditorData {
  assertCanManage(actor);
  const read = MENU_LOCATIONS.map((location) => ({ location, ...readMenuEntries(db, location, language) }));
  const resolved = resolveTargets(db, read.flatMap((menu) => menu.entries.map((entry) => entry.target)));
  const menuList = read.map((menu) => ({
    location: menu.location,
    language,
    version: menu.version,
    items: menu.entries.map((entry) => ({ ...entry, ...describeTarget(entry, resolved.get(targetKey(entry.target))) })),
  }));
  // An English menu offers the categories that have an English name, under it and at their English address.
  const categoryOptions = db
    .select({ id: categories.id, name: categories.name, slug: categories.slug, nameEn: categories.nameEn, slugEn: categories.slugEn })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name))
    .all()
    .flatMap((row): MenuTargetOption[] =>
      language === "vi"
        ? [{ kind: "category", id: row.id, title: row.name, href: `/chuyen-muc/${row.slug}`, state: "live" }]
        : row.nameEn && row.slugEn
          ? [{ kind: "category", id: row.id, title: row.nameEn, href: `/en/category/${row.slugEn}`, state: "live" }]
          : [],
    );
  const pageRows = db
    .select({ id: posts.id, parentId: posts.parentId, position: posts.position, title: posts.title })
    .from(posts)
    .where(and(eq(posts.kind, "page"), eq(posts.language, language), isNull(posts.deletedAt)))
    .orderBy(asc(posts.position), asc(posts.title))
    .all();
  const pageTargets = resolveTargets(db, pageRows.map((row) => ({ kind: "page", id: row.id })));
  return { language, menus: menuList, categories: categoryOptions, pages: pageTree(pageRows, pageTargets) };
}

/** Pages in tree order (each parent followed by its children), with their depth for the list's indentation. */
function pageTree(rows: Array<{ id: number; parentId: number | null; title: string }>, targets: Map<string, ResolvedTarget>): MenuTargetOption[] {
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) {
    const parent = rows.some((r) => r.id === row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const out: MenuTargetOption[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      const target = targets.get(targetKey({ kind: "page", id: row.id }));
      out.push({ kind: "page", id: row.id, title: row.title, href: target?.href ?? null, state: target?.state ?? "missing", depth });
      if (depth < 10) walk(row.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Posts to link, found by number, address or title words (lib/dal/menus/targets.ts, findPosts). */
export function findPostsForMenuFor(db: Db, actor: Actor | null, query: string, language: Language = "vi"): PostChoice[] {
  assertCanManage(actor);
  return findPosts(db, query, language);
}

/** The problems of a list to save, the first one with the entry it concerns; targets that do not exist are refused unless the menu already had them. */
function entriesProblem(tx: Tx, input: SaveMenuInput, previous: MenuEntry[]): string | null {
  const shape = shapeProblem(input.items, input.location);
  if (shape) return shape;
  const known = new Set(previous.map((entry) => targetKey(entry.target)));
  const resolved = resolveTargets(tx, input.items.map((item) => item.target));
  for (const [index, item] of input.items.entries()) {
    const which = `Mục thứ ${index + 1}${item.label ? ` (“${item.label}”)` : ""}: `;
    const label = menuLabelProblem(item.label);
    if (label) return which + label;
    if (item.target.kind === "url") {
      const url = menuUrlProblem(item.target.url);
      if (url) return which + url;
    } else if (resolved.get(targetKey(item.target))?.state === "missing" && !known.has(targetKey(item.target))) {
      return which + MENU_MESSAGES.targetInvalid;
    }
  }
  return null;
}

/** What changed, for the activity log: entries added, removed, renamed, and whether the order changed. */
export function describeMenuChange(before: readonly MenuEntry[], after: readonly MenuEntry[]): string {
  const key = (entry: MenuEntry) => targetKey(entry.target);
  const beforeKeys = new Map(before.map((entry) => [key(entry), entry]));
  const afterKeys = new Map(after.map((entry) => [key(entry), entry]));
  const quote = (entries: MenuEntry[]) => entries.map((entry) => `“${entry.label}”`).join(", ");
  const added = after.filter((entry) => !beforeKeys.has(key(entry)));
  const removed = before.filter((entry) => !afterKeys.has(key(entry)));
  const renamed = after.filter((entry) => beforeKeys.has(key(entry)) && beforeKeys.get(key(entry))!.label !== entry.label);
  const keptBefore = before.filter((entry) => afterKeys.has(key(entry))).map((entry) => `${key(entry)}@${entry.depth}`);
  const keptAfter = after.filter((entry) => beforeKeys.has(key(entry))).map((entry) => `${key(entry)}@${entry.depth}`);
  const parts = [
    added.length ? `thêm ${quote(added)}` : "",
    removed.length ? `bỏ ${quote(removed)}` : "",
    renamed.length ? `đổi tên ${renamed.map((entry) => `“${beforeKeys.get(key(entry))!.label}” → “${entry.label}”`).join(", ")}` : "",
    keptBefore.join("|") !== keptAfter.join("|") ? "đổi thứ tự hoặc cấp" : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "không đổi";
}

/**
 * Saves a menu as a whole: its entries replaced in one IMMEDIATE transaction, only if nobody saved
 * it since `version` (0: it did not exist yet); the change is logged and `public` is queued, since
 * the menus are on every page.
 */
export function saveMenuFor(db: Db, actor: Actor | null, input: SaveMenuInput): SaveMenuResult {
  assertCanManage(actor);
  const title = MENU_RULES[input.location].title;
  return db.transaction((tx): SaveMenuResult => {
    const menu = tx.select({ id: menus.id, version: menus.version }).from(menus).where(and(eq(menus.location, input.location), eq(menus.language, input.language))).get();
    const current = menu?.version ?? 0;
    if (current !== input.version) {
      return {
        ok: false,
        conflict: true,
        field: "version",
        latestVersion: current,
        message: `${title} vừa được người khác lưu. Thay đổi của bạn chưa được lưu và vẫn còn trên màn hình: hãy xem bản mới nhất, hoặc lưu đè bằng bản của bạn.`,
      };
    }
    const previous = readMenuEntries(tx, input.location, input.language).entries;
    const problem = entriesProblem(tx, input, previous);
    if (problem) return { ok: false, field: "items", message: problem };

    const menuId = menu
      ? menu.id
      : tx.insert(menus).values({ location: input.location, language: input.language, version: 0 }).returning({ id: menus.id }).get().id;
    const version = current + 1;
    tx.update(menus).set({ version }).where(eq(menus.id, menuId)).run();
    writeEntries(tx, menuId, input.items);
    logActivity(tx, {
      actor: logActor(actor),
      action: "menu.update",
      objectType: "menu",
      objectId: `${input.location}:${input.language}`,
      summary: `${title}: ${describeMenuChange(previous, input.items)}`,
      ip: actor.ip,
    });
    queueInvalidation(tx, [cacheTags.all]);
    return { ok: true, version, message: `Đã lưu ${title.toLowerCase()}. Trang công khai cập nhật trong vài giây.` };
  }, WRITE);
}

/** Replaces a menu's entries: a top-level entry first, then those under it, numbered in reading order. */
export function writeEntries(tx: Pick<Db, "insert" | "delete">, menuId: number, entries: readonly MenuItemInput[]): void {
  tx.delete(menuItems).where(eq(menuItems.menuId, menuId)).run();
  let parentId: number | null = null;
  entries.forEach((entry, position) => {
    const values = {
      menuId,
      parentId: entry.depth === 1 ? parentId : null,
      position,
      label: entry.label,
      targetKind: entry.target.kind,
      targetId: entry.target.kind === "url" ? null : entry.target.id,
      url: entry.target.kind === "url" ? entry.target.url : null,
    };
    const id = tx.insert(menuItems).values(values).returning({ id: menuItems.id }).get().id;
    if (entry.depth === 0) parentId = id;
  });
}
