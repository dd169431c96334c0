"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, refusedState } from "@/lib/auth/guards";
import { movePage } from "@/lib/dal/pages";
import { postIdField } from "@/lib/validations/post";

const movePageSchema = z.object({ id: postIdField, direction: z.enum(["up", "down"], { error: "Hướng chuyển không hợp lệ." }) });

/** Lên / Xuống in the tree: the order a parent page lists its children in. */
export const movePageAction = authorizedAction("post:edit-any", movePageSchema, async ({ id, direction }, _user, values) => {
  const result = await movePage(id, direction);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/pages");
  return { ok: true, message: result.message };
});
