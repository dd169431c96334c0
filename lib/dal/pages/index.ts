/** The tree of pages for the staff screens: ./queries.ts run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import { change, read } from "@/lib/dal/bind";
import type { Language } from "@/db/vocabulary";
import { listPageTreeFor, movePageFor, pageParentOptionsFor, pagePlacementFor } from "./queries";

export type { PagePlacement, PageTreeItem, ParentOption } from "./queries";

export const listPageTree = (language: Language = "vi") => read((db, actor) => listPageTreeFor(db, actor, language));
export const pageParentOptions = (exceptId?: number) => read((db, actor) => pageParentOptionsFor(db, actor, exceptId));
/** Parent choices among the pages of the same language (an English page goes under an English page). */
export const pagePlacement = (exceptId?: number, language: Language = "vi") => read((db, actor) => pagePlacementFor(db, actor, exceptId, language));
export const movePage = (id: number, direction: "up" | "down") => change("post:edit-any", id, (db, actor) => movePageFor(db, actor, id, direction));
