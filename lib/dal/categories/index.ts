/** Category management for pages and actions: ./queries.ts run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import { change, read } from "@/lib/dal/bind";
import { createCategoryFor, deleteCategoryFor, listCategoriesFor, moveCategoryFor, updateCategoryFor, type CategoryInput, type MoveDirection } from "./queries";

export type { CategoryChangeResult, CategoryListItem, MoveDirection } from "./queries";

export const listCategories = () => read(listCategoriesFor);
export const createCategory = (input: CategoryInput) => change("category:manage", "", (db, actor) => createCategoryFor(db, actor, input));
export const updateCategory = (id: number, input: CategoryInput) => change("category:manage", id, (db, actor) => updateCategoryFor(db, actor, id, input));
export const moveCategory = (id: number, direction: MoveDirection) => change("category:manage", id, (db, actor) => moveCategoryFor(db, actor, id, direction));
export const deleteCategory = (id: number) => change("category:manage", id, (db, actor) => deleteCategoryFor(db, actor, id));
