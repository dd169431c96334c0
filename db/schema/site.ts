// The site's structure editors curate: menus, the site profile and the home page layout.
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { LANGUAGES, MENU_LOCATIONS, MENU_TARGET_KINDS, type FeaturedEntry } from "../vocabulary";
import { createdAt, updatedAt } from "./columns";
import { media } from "./posts";

/**
 * A menu of the public site (the header navigation, the footer links, the "Liên kết" list) in one
 * language. Staff edit it as a whole: a save replaces its items and must name the version it was
 * based on, so two editors never silently overwrite each other.
 */
export const menus = sqliteTable(
  "menus",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    location: text("location", { enum: MENU_LOCATIONS }).notNull(),
    language: text("language", { enum: LANGUAGES }).notNull().default("vi"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("menus_location_language_unique").on(t.location, t.language)],
);

/**
 * One entry of a menu, in order; a header entry may have entries under it (two levels). The target
 * is a plain id (a category, a page, a post) or an address: a target that is later trashed,
 * unpublished or deleted leaves the entry in place, flagged in the editor and left out of the public menu.
 */
export const menuItems = sqliteTable(
  "menu_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    menuId: integer("menu_id")
      .notNull()
      .references(() => menus.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => menuItems.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    targetKind: text("target_kind", { enum: MENU_TARGET_KINDS }).notNull(),
    targetId: integer("target_id"),
    url: text("url"),
    createdAt: createdAt(),
  },
  (t) => [index("menu_items_menu_idx").on(t.menuId, t.position)],
);

/**
 * Who publishes the site, per language: the agency's name and parent body, its logo (also the
 * site's icons), the footer's contact block and lines. Without a row the start-time settings
 * (SITE_NAME, SITE_PARENT) stand in; the first start writes them here.
 */
export const siteProfiles = sqliteTable("site_profiles", {
  language: text("language", { enum: LANGUAGES }).primaryKey(),
  name: text("name").notNull(),
  parent: text("parent").notNull().default(""),
  // The logo is a library image: RESTRICT keeps it from being deleted while the site shows it.
  logoMediaId: integer("logo_media_id").references(() => media.id, { onDelete: "restrict" }),
  address: text("address").notNull().default(""),
  phone: text("phone").notNull().default(""),
  hotline: text("hotline").notNull().default(""),
  email: text("email").notNull().default(""),
  workingHours: text("working_hours").notNull().default(""),
  copyright: text("copyright").notNull().default(""),
  sourceNote: text("source_note").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

/**
 * What editors arrange on the home page, per language: the featured stories in order (each with an
 * optional end time), the categories that get a block, in order, and the announcements category
 * of the side column. Plain ids, like menu targets: one that leaves the public site is skipped.
 */
export const homeLayouts = sqliteTable("home_layouts", {
  language: text("language", { enum: LANGUAGES }).primaryKey(),
  featured: text("featured", { mode: "json" }).$type<FeaturedEntry[]>().notNull(),
  blockCategoryIds: text("block_category_ids", { mode: "json" }).$type<number[]>().notNull(),
  announcementsCategoryId: integer("announcements_category_id"),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});
