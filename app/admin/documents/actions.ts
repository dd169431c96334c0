"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, refusedState, MESSAGES, type ActionState } from "@/lib/auth/guards";
import { checkDocumentNumber, registryFromForm, removeAttachment, saveDocument, type NumberCheck } from "@/lib/dal/documents/staff";
import { mayPerform, verifySession } from "@/lib/dal/session";
import { createDocumentSchema, documentContentOf, transitionDocumentSchema, type DocumentFormInput } from "@/lib/validations/document-form";
import { postIdField } from "@/lib/validations/post";

/** The registry fields of the form with its related numbers found in the registry; or the form's errors. */
async function registryOf(data: DocumentFormInput, values: Record<string, string>) {
  const found = await registryFromForm(data);
  return found.ok ? { registry: found.registry } : { state: { message: MESSAGES.invalid, errors: found.errors, values } };
}

const RELATION_ERRORS: Record<string, string> = { replaces: "replacesText", amends: "amendsText" };

export const createDocumentAction = authorizedAction("post:create", createDocumentSchema, async (data, _user, values) => {
  const found = await registryOf(data, values);
  if (!found.registry) return found.state;
  const result = await saveDocument({ intent: "create", fields: documentContentOf(data), registry: found.registry });
  if (!result.ok) return refusedState({ ...result, field: result.field && (RELATION_ERRORS[result.field] ?? result.field) }, values);
  revalidatePath("/admin/documents");
  // The form goes on to the new document's edit screen (its files are added there); a redirect here would be caught as a failure by the wrapper.
  return { ok: true, message: result.message, values: { id: String(result.id) } };
});

/** Lưu and the workflow buttons (Gửi duyệt, Xuất bản, Gỡ…): the button's `intent`; the data layer checks the move. */
export const saveDocumentAction = authorizedAction(
  "post:edit-own",
  transitionDocumentSchema.extend({ intent: transitionDocumentSchema.shape.intent.or(z.literal("save")) }),
  async ({ id, version, intent, reviewNote, ...data }, _user, values): Promise<ActionState> => {
    const found = await registryOf(data, values);
    if (!found.registry) return found.state;
    const fields = documentContentOf(data);
    const result =
      intent === "save"
        ? await saveDocument({ intent: "save", id, version, fields, registry: found.registry })
        : await saveDocument({ intent: "transition", id, version, fields, registry: found.registry, transition: { name: intent, note: reviewNote } });
    if (!result.ok) return refusedState({ ...result, field: result.field && (RELATION_ERRORS[result.field] ?? result.field) }, values);
    revalidatePath("/admin/documents");
    revalidatePath(`/admin/documents/${id}`);
    return { ok: true, message: result.message, values: { ...values, version: String(result.version) } };
  },
);

const removeSchema = z.object({ id: postIdField, attachmentId: postIdField });

export const removeAttachmentAction = authorizedAction("post:edit-own", removeSchema, async ({ id, attachmentId }, _user, values) => {
  const result = await removeAttachment(id, attachmentId);
  if (!result.ok) return { message: result.message, values };
  revalidatePath(`/admin/documents/${id}`);
  return { ok: true, message: result.message };
});

/**
 * The number field's as-you-type check. Not a form action but still a public POST endpoint: it
 * checks the session and the role itself, and its arguments, which any client can forge.
 */
export async function checkDocumentNumberAction(number: unknown, issuer: unknown, exceptId: unknown): Promise<NumberCheck | null> {
  const user = await verifySession();
  if (!user || !mayPerform(user, "post:create")) return null;
  if (typeof number !== "string" || typeof issuer !== "string" || number.length > 100 || issuer.length > 400) return null;
  const except = exceptId === null || exceptId === undefined ? null : postIdField.safeParse(String(exceptId));
  return checkDocumentNumber(number, issuer, except && except.success ? except.data : null);
}
