/** The home page screen's data-layer functions, run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import type { Language } from "@/db/vocabulary";
import { change, read, readOrNull } from "@/lib/dal/bind";
import { findPostsForHomeFor, homeEditorFor, saveHomeLayoutFor, type SaveHomeInput } from "./queries";

export type { FeaturedEditorEntry, HomeEditorData, SaveHomeResult } from "./queries";

export const homeEditor = (language: Language = "vi") => read((db, actor) => homeEditorFor(db, actor, language));
export const saveHomeLayout = (input: SaveHomeInput) => change("home:manage", input.language, (db, actor) => saveHomeLayoutFor(db, actor, input));
export const findPostsForHome = (query: string, language: Language = "vi") => readOrNull((db, actor) => findPostsForHomeFor(db, actor, query, language));
