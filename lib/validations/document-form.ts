import { z } from "zod";
import type { RegistrySnapshot } from "@/db/vocabulary";
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

/** The registry fields of the form by name: what the autosave, the local copy and a kept draft hold beside the content. */
export const DOCUMENT_FORM_FIELDS = ["typeId", "number", "issuer", "signer", "issuedOn", "effectiveFrom", "effectiveUntil", "manualStatus", "nationalDatabaseUrl", "fieldsText", "replacesText", "amendsText"] as const;
export type DocumentFormField = (typeof DOCUMENT_FORM_FIELDS)[number];

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
} satisfies Record<DocumentFormField, z.ZodType>);
export type DocumentFormInput = z.infer<typeof createDocumentSchema>;

export const updateDocumentSchema = createDocumentSchema.extend({ id: postIdField, version: postVersionField });
export const transitionDocumentSchema = updateDocumentSchema.extend({
  intent: z.enum(TRANSITION_NAMES, { error: "Thao tác không hợp lệ. Hãy tải lại trang." }),
  reviewNote: z.string().default(""),
});

/** The registry as stored, in the shape the edit screen reads (lib/dal/documents/staff-queries.ts). */
export type RegistryView = Omit<RegistrySnapshot, "typeName" | "replaces" | "amends" | "attachments"> & { replaces: string[]; amends: string[] };

const day = (iso: string | null | undefined) => (iso ? iso.split("-").reverse().join("/") : "");

/** The stored registry as the form's fields show it (dates dd/mm/yyyy, lists joined by "; "): its defaults, and "Lấy bản của người kia". */
export function registryFormValues(r: RegistryView | null | undefined): Record<DocumentFormField, string> {
  return {
    typeId: r ? String(r.typeId) : "",
    number: r?.number ?? "",
    issuer: r?.issuer ?? "",
    signer: r?.signer ?? "",
    issuedOn: day(r?.issuedOn),
    effectiveFrom: day(r?.effectiveFrom),
    effectiveUntil: day(r?.effectiveUntil),
    manualStatus: r?.manualStatus ?? "",
    nationalDatabaseUrl: r?.nationalDatabaseUrl ?? "",
    fieldsText: r?.fields.join("; ") ?? "",
    replacesText: r?.replaces.join("; ") ?? "",
    amendsText: r?.amends.join("; ") ?? "",
  };
}

/** A document's content fields from its form: a title (trích yếu) and a note; the rest is the kind's. */
export const documentContentOf = (data: Pick<DocumentFormInput, "title" | "body">) => ({
  title: data.title,
  body: data.body,
  slug: "",
  slugAuto: true,
  lead: "",
  source: "",
  seoTitle: "",
  seoDescription: "",
  featuredMediaId: null,
  featuredCaption: "",
  keepLegacyImage: false,
  publishedAt: null,
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
