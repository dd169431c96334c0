import { z } from "zod";
import { TRANSITION_NAMES } from "@/lib/workflow/transitions";
import { contentFieldsSchema, postIdField, postVersionField } from "./post";
import { documentRegistrySchema, type DocumentRegistry } from "./document";

/*
 * The staff form of a document: the content (trích yếu as the title, the note as the body) and the
 * registry fields, lists typed as text: fields separated by `;`, the numbers of the documents it
 * replaces or amends separated by `;` or line breaks (the data layer finds them in the registry).
 */

const list = (separator: RegExp) =>
  z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(separator)
        .map((part) => part.trim())
        .filter(Boolean),
    );

export const createDocumentSchema = contentFieldsSchema.pick({ title: true, body: true }).extend({
  typeId: z.string().default(""),
  number: z.string().default(""),
  issuer: z.string().default(""),
  signer: z.string().default(""),
  issuedOn: z.string().default(""),
  effectiveFrom: z.string().default(""),
  effectiveUntil: z.string().default(""),
  manualStatus: z.string().default(""),
  nationalDatabaseUrl: z.string().default(""),
  fieldsText: list(/;/),
  replacesText: list(/[;\n]/),
  amendsText: list(/[;\n]/),
});
export type DocumentFormInput = z.infer<typeof createDocumentSchema>;

export const updateDocumentSchema = createDocumentSchema.extend({ id: postIdField, version: postVersionField });
export const transitionDocumentSchema = updateDocumentSchema.extend({
  intent: z.enum(TRANSITION_NAMES, { error: "Thao tác không hợp lệ. Hãy tải lại trang." }),
  reviewNote: z.string().default(""),
});

/** The registry fields of the form, checked, with the relation ids the data layer found; or errors by field. */
export function registryOfForm(input: DocumentFormInput, relations: { replaces: number[]; amends: number[] }): { ok: true; registry: DocumentRegistry } | { ok: false; errors: Record<string, string> } {
  const parsed = documentRegistrySchema.safeParse({ ...input, fields: input.fieldsText, ...relations });
  if (parsed.success) return { ok: true, registry: parsed.data as DocumentRegistry };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "number");
    errors[key === "fields" ? "fieldsText" : key] ??= issue.message;
  }
  return { ok: false, errors };
}
