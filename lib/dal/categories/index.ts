import "server-only";
import { forbidden } from "next/navigation";
import { getDb } from "@/lib/dal/connection";
import { MESSAGES } from "@/lib/auth/guards";
import {
  CategoryAdminDeniedError,
  createCategoryFor,
  deleteCategoryFor,
  listCategoriesFor,
  moveCategoryFor,
  updateCategoryFor,
  type CategoryActor,
  type CategoryChangeResult,
  type CategoryInput,
  type CategoryListItem,
  type MoveDirection,
} from "@/lib/dal/categories/queries";
import { logDenied, requestIp, verifySession } from "@/lib/dal/session";

export type { CategoryChangeResult, CategoryListItem, MoveDirection } from "@/lib/dal/categories/queries";

/**
 * Category management for pages and actions. The actor comes from this request's session; the
 * permission is checked again next to each query in categories-core, so a page or action that
 * forgot its own check still gets nothing.
 */
async function currentActor(): Promise<CategoryActor | null> {
  const user = await verifySession();
  if (!user) return null;
  return { id: user.id, name: user.name, role: user.role, ip: await requestIp() };
}

async function logRefusal(objectId: number | undefined): Promise<void> {
  await logDenied(await verifySession(), "category:manage", objectId === undefined ? "" : String(objectId));
}

/** Reads: a refusal is the 403 page. */
async function read<T>(run: (actor: CategoryActor | null) => T): Promise<T> {
  const actor = await currentActor();
  try {
    return run(actor);
  } catch (error) {
    if (!(error instanceof CategoryAdminDeniedError)) throw error;
    await logRefusal(undefined);
    forbidden();
  }
}

/** Changes: a refusal is a message, and nothing is written. */
async function change<T extends object>(run: (actor: CategoryActor | null) => CategoryChangeResult<T>, objectId?: number): Promise<CategoryChangeResult<T>> {
  const actor = await currentActor();
  try {
    return run(actor);
  } catch (error) {
    if (!(error instanceof CategoryAdminDeniedError)) throw error;
    await logRefusal(objectId);
    return { ok: false, message: MESSAGES.forbidden };
  }
}

export function listCategories(): Promise<CategoryListItem[]> {
  return read((actor) => listCategoriesFor(getDb(), actor));
}

export function createCategory(input: CategoryInput): Promise<CategoryChangeResult<{ id: number; slug: string }>> {
  return change((actor) => createCategoryFor(getDb(), actor, input));
}

export function updateCategory(id: number, input: CategoryInput): Promise<CategoryChangeResult<{ slug: string }>> {
  return change((actor) => updateCategoryFor(getDb(), actor, id, input), id);
}

export function moveCategory(id: number, direction: MoveDirection): Promise<CategoryChangeResult<{ position: number }>> {
  return change((actor) => moveCategoryFor(getDb(), actor, id, direction), id);
}

export function deleteCategory(id: number): Promise<CategoryChangeResult> {
  return change((actor) => deleteCategoryFor(getDb(), actor, id), id);
}
