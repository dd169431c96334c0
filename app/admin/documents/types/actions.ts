"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, refusedState } from "@/lib/auth/guards";
import { ATTACHMENT_LIMIT_MB } from "@/lib/validations/document-settings";
import { addDocumentType, moveDocumentType, removeDocumentType, renameDocumentType, setAttachmentLimit } from "@/lib/dal/documents/staff";
import { postIdField } from "@/lib/validations/post";

const PAGE = "/admin/documents/types";

/*
 * The list of document types (editors and admins) and the files' size limit (admins). One action
 * for the list, whose `op` says what to do; the data layer checks the role again beside each write.
 */
const typeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), name: z.string().default("") }),
  z.object({ op: z.literal("rename"), id: postIdField, name: z.string().default("") }),
  z.object({ op: z.literal("up"), id: postIdField }),
  z.object({ op: z.literal("down"), id: postIdField }),
  z.object({ op: z.literal("remove"), id: postIdField }),
]);

export const documentTypeAction = authorizedAction("category:manage", typeSchema, async (data, _user, values) => {
  const result =
    data.op === "add"
      ? await addDocumentType(data.name)
      : data.op === "rename"
        ? await renameDocumentType(data.id, data.name)
        : data.op === "remove"
          ? await removeDocumentType(data.id)
          : await moveDocumentType(data.id, data.op);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(PAGE);
  return { ok: true, message: result.message };
});

const limitSchema = z.object({
  megabytes: z.coerce
    .number({ error: "Hãy nhập giới hạn bằng một số (MB)." })
    .int({ error: "Giới hạn phải là số nguyên (MB)." })
    .min(ATTACHMENT_LIMIT_MB.min, { error: `Giới hạn nhỏ nhất là ${ATTACHMENT_LIMIT_MB.min} MB.` })
    .max(ATTACHMENT_LIMIT_MB.max, { error: `Giới hạn lớn nhất là ${ATTACHMENT_LIMIT_MB.max} MB.` }),
});

export const attachmentLimitAction = authorizedAction("settings:manage", limitSchema, async ({ megabytes }, _user, values) => {
  const result = await setAttachmentLimit(megabytes);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(PAGE);
  return { ok: true, message: result.message, values: { megabytes: String(megabytes) } };
});
