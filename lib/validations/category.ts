import { z } from "zod";
import { cleanLine } from "@/lib/vi/text";
import { CATEGORY_DESCRIPTION_MAX, CATEGORY_NAME_MAX } from "./category-limits";

export { CATEGORY_DESCRIPTION_MAX, CATEGORY_NAME_MAX };

export const CATEGORY_MESSAGES = {
  nameRequired: "Vui lòng nhập tên chuyên mục.",
  nameTooLong: `Tên chuyên mục không được dài quá ${CATEGORY_NAME_MAX} ký tự.`,
  descriptionInvalid: "Mô tả không hợp lệ.",
  descriptionTooLong: `Mô tả không được dài quá ${CATEGORY_DESCRIPTION_MAX} ký tự.`,
  idInvalid: "Không tìm thấy chuyên mục này.",
  directionInvalid: "Hướng di chuyển không hợp lệ.",
  orderInvalid: "Thứ tự chuyên mục không hợp lệ.",
} as const;

// Lengths are counted in code points after NFC, as a person counts letters: `ộ` is one.
const length = (s: string) => [...s].length;

/** The rule for a (cleaned) name, shared by the form schema and the data layer. */
export function categoryNameProblem(name: string): string | null {
  if (name === "") return CATEGORY_MESSAGES.nameRequired;
  if (length(name) > CATEGORY_NAME_MAX) return CATEGORY_MESSAGES.nameTooLong;
  return null;
}

export function categoryDescriptionProblem(description: string): string | null {
  return length(description) > CATEGORY_DESCRIPTION_MAX ? CATEGORY_MESSAGES.descriptionTooLong : null;
}

// Every field has its own Vietnamese message even when a crafted request sends a file or leaves
// the field out, since zod's defaults are English.
const name = z
  .string({ error: CATEGORY_MESSAGES.nameRequired })
  .transform(cleanLine)
  .superRefine((s, ctx) => {
    const problem = categoryNameProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const description = z
  .string({ error: CATEGORY_MESSAGES.descriptionInvalid })
  .default("")
  .transform(cleanLine)
  .superRefine((s, ctx) => {
    const problem = categoryDescriptionProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const categoryIdField = z
  .coerce.number({ error: CATEGORY_MESSAGES.idInvalid })
  .int(CATEGORY_MESSAGES.idInvalid)
  .positive(CATEGORY_MESSAGES.idInvalid);

export const createCategorySchema = z.object({ name, description });
export type CreateCategoryInput = z.infer<typeof createCategorySchema>;

/** The English name: optional (empty takes the category off the English site's navigation and addresses). */
const nameEn = z
  .string({ error: CATEGORY_MESSAGES.nameTooLong })
  .default("")
  .transform(cleanLine)
  .superRefine((s, ctx) => {
    if (length(s) > CATEGORY_NAME_MAX) ctx.addIssue({ code: "custom", message: CATEGORY_MESSAGES.nameTooLong });
  });

export const updateCategorySchema = z.object({ id: categoryIdField, name, nameEn, description });
export type UpdateCategoryInput = z.infer<typeof updateCategorySchema>;

export const moveCategorySchema = z.object({
  id: categoryIdField,
  direction: z.enum(["up", "down"], { error: CATEGORY_MESSAGES.directionInvalid }),
});

export const categoryIdSchema = z.object({ id: categoryIdField });
