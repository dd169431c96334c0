"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/guards";
import { restoreRevision } from "@/lib/dal/posts";
import { restoreRevisionSchema } from "@/lib/validations/revision";

/** Authors may restore into their own editable posts; the data layer checks the post itself. */
export const restoreRevisionAction = authorizedAction("post:edit-own", restoreRevisionSchema, async ({ id, revision, version }, _user, values) => {
  const result = await restoreRevision(id, revision, version);
  if (!result.ok) return { message: result.message, values };
  revalidatePath("/admin/posts");
  revalidatePath(`/admin/posts/${id}`, "layout");
  return { ok: true, message: result.message };
});
