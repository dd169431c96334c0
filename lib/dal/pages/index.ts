/** The tree of pages for the staff screens: ./queries.ts run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import { change, read } from "@/lib/dal/bind";
import { listPageTreeFor, movePageFor, pageParentOptionsFor } from "./queries";

export type { PageTreeItem, ParentOption } from "./queries";

export const listPageTree = () => read((db, actor) => listPageTreeFor(db, actor));
export const pageParentOptions = (exceptId?: number) => read((db, actor) => pageParentOptionsFor(db, actor, exceptId));
export const movePage = (id: number, direction: "up" | "down") => change("post:edit-any", id, (db, actor) => movePageFor(db, actor, id, direction));
