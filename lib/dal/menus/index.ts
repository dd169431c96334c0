/** The menu screen's data-layer functions, run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import type { Language } from "@/db/vocabulary";
import { change, read, readOrNull } from "@/lib/dal/bind";
import { findPostsForMenuFor, menuEditorFor, saveMenuFor, type SaveMenuInput } from "./queries";

export type { MenuEditorData, MenuEditorItem, MenuEditorMenu, MenuTargetOption, PostChoice, SaveMenuResult } from "./queries";

export const menuEditor = (language: Language = "vi") => read((db, actor) => menuEditorFor(db, actor, language));
export const saveMenu = (input: SaveMenuInput) => change("menu:manage", `${input.location}:${input.language}`, (db, actor) => saveMenuFor(db, actor, input));
export const findPostsForMenu = (query: string, language: Language = "vi") => readOrNull((db, actor) => findPostsForMenuFor(db, actor, query, language));
