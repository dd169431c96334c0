"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/guards";
import { addCorrection } from "@/lib/dal/posts";
import { addCorrectionSchema } from "@/lib/validations/correction";

/** `Thêm đính chính`: the public page refreshes through the outbox the data layer writes to. */
export const addCorrectionAction = authorizedAction("post:correct", addCorrectionSchema, async ({ id, text }, _user, values) => {
  const result = await addCorrection(id, text);
  if (!result.ok) return { message: result.message, values };
  revalidatePath(`/admin/posts/${id}/corrections`);
  return { ok: true, message: result.message };
});
