"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction, refusedState } from "@/lib/auth/guards";
import { createCategory, deleteCategory, moveCategory, updateCategory } from "@/lib/dal/categories";
import { categoryIdSchema, createCategorySchema, moveCategorySchema, updateCategorySchema } from "@/lib/validations/category";

// The public pages are refreshed by the invalidation outbox the data layer writes to; only the
// admin list is revalidated here.
const LIST = "/admin/categories";

export const createCategoryAction = authorizedAction("category:manage", createCategorySchema, async (data, _user, values) => {
  const result = await createCategory(data);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(LIST);
  // No values back: the form starts empty for the next category.
  return { ok: true, message: result.message };
});

export const updateCategoryAction = authorizedAction("category:manage", updateCategorySchema, async ({ id, ...data }, _user, values) => {
  const result = await updateCategory(id, data);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(LIST);
  // No values back: the row shows the stored (cleaned) name from the refreshed list.
  return { ok: true, message: result.message };
});

export const moveCategoryAction = authorizedAction("category:manage", moveCategorySchema, async ({ id, direction }, _user, values) => {
  const result = await moveCategory(id, direction);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(LIST);
  return { ok: true, message: result.message };
});

export const deleteCategoryAction = authorizedAction("category:manage", categoryIdSchema, async ({ id }, _user, values) => {
  const result = await deleteCategory(id);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(LIST);
  return { ok: true, message: result.message };
});
