/**
 * The registry fields of a document's staff form turned into what the save takes: the related
 * documents' numbers found in the registry, then the fields checked. Shared by the form's actions
 * and the editor's autosave route, so both refuse the same things with the same words.
 */
import "server-only";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { registryOfForm, type DocumentFormInput } from "@/lib/validations/document-form";
import type { DocumentRegistry } from "@/lib/validations/document";
import { resolveDocumentNumbersFor } from "./staff-queries";

export type RegistryFromForm = { ok: true; registry: DocumentRegistry } | { ok: false; errors: Record<string, string> };

const notFound = (number: string) => `Không tìm thấy đúng một văn bản số ${number} trong sổ văn bản.`;

export function registryFromFormFor(db: Db, actor: Actor | null, data: DocumentFormInput): RegistryFromForm {
  const replaces = resolveDocumentNumbersFor(db, actor, data.replacesText);
  if (!replaces.ok) return { ok: false, errors: { replacesText: notFound(replaces.number) } };
  const amends = resolveDocumentNumbersFor(db, actor, data.amendsText);
  if (!amends.ok) return { ok: false, errors: { amendsText: notFound(amends.number) } };
  return registryOfForm(data, { replaces: replaces.ids, amends: amends.ids });
}
