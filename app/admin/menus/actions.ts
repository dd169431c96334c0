"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction, refusedState } from "@/lib/auth/guards";
import { findPostsForMenu, saveMenu } from "@/lib/dal/menus";
import { postChoicesState } from "../post-choices";
import { findPostsSchema, saveMenuSchema } from "@/lib/validations/menu";

/** The public pages are refreshed by the outbox the data layer writes to; only this screen is revalidated here. */
const SCREEN = "/admin/menus";

export const saveMenuAction = authorizedAction("menu:manage", saveMenuSchema, async (data, _user, values) => {
  const result = await saveMenu(data);
  if (!result.ok) {
    // Someone saved since: the editor keeps its list and offers to save over the version now stored.
    if ("latestVersion" in result) return { message: result.message, values: { ...values, latestVersion: String(result.latestVersion) } };
    return refusedState(result, values);
  }
  revalidatePath(SCREEN);
  return { ok: true, message: result.message, values: { version: String(result.version) } };
});

export const findPostsForMenuAction = authorizedAction("menu:manage", findPostsSchema, async ({ query, language }, _user, values) => postChoicesState(await findPostsForMenu(query, language), values));
