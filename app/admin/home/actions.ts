"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction, refusedState } from "@/lib/auth/guards";
import { findPostsForHome, saveHomeLayout } from "@/lib/dal/home";
import { findPostsSchema } from "@/lib/validations/menu";
import { saveHomeSchema } from "@/lib/validations/home";
import { postChoicesState } from "../post-choices";

export const saveHomeAction = authorizedAction("home:manage", saveHomeSchema, async (data, _user, values) => {
  const result = await saveHomeLayout(data);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/home");
  return { ok: true, message: result.message, values: { version: String(result.version) } };
});

export const findPostsForHomeAction = authorizedAction("home:manage", findPostsSchema, async ({ query, language }, _user, values) => postChoicesState(await findPostsForHome(query, language), values));
