"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/guards";
import { deleteMedia, updateMedia } from "@/lib/dal/media";
import { mediaIdSchema, mediaUpdateSchema } from "@/lib/validations/media";

// media:upload lets every staff member in; whether they may change this image (their own upload,
// or media:manage) is decided next to the query in the data layer.
export const updateMediaAction = authorizedAction("media:upload", mediaUpdateSchema, async ({ id, alt, caption }, _user, values) => {
  const result = await updateMedia(id, { alt, caption });
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/admin/media");
  // What was stored (cleaned: NFC, single spaces) goes back to the form.
  return { ok: true, message: result.message, values: { alt, caption } };
});

export const deleteMediaAction = authorizedAction("media:manage", mediaIdSchema, async ({ id }, _user, values) => {
  const result = await deleteMedia(id);
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/admin/media");
  return { ok: true, message: result.message };
});
