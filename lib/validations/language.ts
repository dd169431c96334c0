import { z } from "zod";
import { LANGUAGES } from "@/db/vocabulary";

/** `?language=en` on a staff screen that edits one language at a time (pages, menus, home); Vietnamese otherwise. */
export const languageQuerySchema = z.object({ language: z.enum(LANGUAGES).catch("vi") });
