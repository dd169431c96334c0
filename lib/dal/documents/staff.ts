/** The registry's staff functions, run as the signed-in person (lib/dal/bind.ts); each checks again beside its query. */
import "server-only";
import { change, read, readOrNull } from "@/lib/dal/bind";
import type { ChangeResult } from "@/lib/dal/result";
import type { SaveOutcome } from "@/lib/dal/posts/save";
import { assertStaff } from "@/lib/dal/posts/access";
import { getCurrentVersionFor } from "@/lib/dal/posts/autosave";
import type { PickableDocument } from "@/lib/editor/related-documents";
import { registryFormValues, type DocumentFormInput } from "@/lib/validations/document-form";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { addAttachmentFor, removeAttachmentFor, type AttachmentResult, type AttachmentUpload } from "./attachments";
import { attachmentLimitMb, setAttachmentLimitFor } from "./attachment-limit";
import { addDocumentTypeFor, listDocumentTypesFor, moveDocumentTypeFor, removeDocumentTypeFor, renameDocumentTypeFor } from "./types";
import { registryFromFormFor } from "./form";
import { listDocumentTypes } from "./lists";
import { publicDocumentHrefsByKey } from "./citations";
import { searchRegistry } from "./search";
import { saveDocumentFor, type DocumentSaveRequest } from "./save";
import { checkDocumentNumberFor, getDocumentForEditFor, listDocumentsFor, resolveDocumentNumbersFor } from "./staff-queries";

const PICKER_LIMIT = 8;

export type { DocumentDetail, NumberCheck, StaffDocumentItem } from "./staff-queries";

export const listDocuments = (query: { q?: string; page?: number }) => read((db, actor) => listDocumentsFor(db, actor, query));
export const getDocumentForEdit = (id: number) => readOrNull((db, actor) => getDocumentForEditFor(db, actor, id));
export const documentTypeOptions = () => read((db) => listDocumentTypes(db));
export const attachmentLimit = () => read((db) => attachmentLimitMb(db));
export const checkDocumentNumber = (number: string, issuer: string, exceptId: number | null) => read((db, actor) => checkDocumentNumberFor(db, actor, number, issuer, exceptId));
export const resolveDocumentNumbers = (numbers: string[]) => read((db, actor) => resolveDocumentNumbersFor(db, actor, numbers));
/** The other side of an edit conflict: the posts' current version, with a document's registry as its form shows it. */
export const currentVersionWithKind = (id: number) =>
  readOrNull((db, actor) => {
    const current = getCurrentVersionFor(db, actor, id);
    if (!current || current.post.kind !== "document") return current;
    const document = getDocumentForEditFor(db, actor, id);
    return document ? { ...current, values: registryFormValues(document.registry) } : current;
  });
/** The picker's answer: at most 8 documents on the site, best match first. */
export const pickableDocuments = (q: string) =>
  read((db, actor): PickableDocument[] => {
    assertStaff(actor);
    return searchRegistry(db, { q }).items.slice(0, PICKER_LIMIT).map(({ id, number, type, title }) => ({ id, number, type, title }));
  });
/** Number keys (parseDocumentNumber's) → the address of the one public document with it. */
export const documentHrefsByNumber = (keys: string[]) =>
  read((db, actor) => {
    assertStaff(actor);
    return publicDocumentHrefsByKey(db, keys);
  });
export const registryFromForm = (data: DocumentFormInput) => read((db, actor) => registryFromFormFor(db, actor, data));

export function saveDocument(request: DocumentSaveRequest): Promise<ChangeResult<SaveOutcome>> {
  const action = request.intent === "transition" ? TRANSITIONS[request.transition.name].permission : request.intent === "create" ? "post:create" : "post:edit-own";
  return change(action, request.intent === "create" ? "" : request.id, (db, actor) => saveDocumentFor(db, actor, request));
}

export const listDocumentTypesForStaff = () => read((db, actor) => listDocumentTypesFor(db, actor));
export const addDocumentType = (name: string) => change("category:manage", "", (db, actor) => addDocumentTypeFor(db, actor, name));
export const renameDocumentType = (id: number, name: string) => change("category:manage", id, (db, actor) => renameDocumentTypeFor(db, actor, id, name));
export const moveDocumentType = (id: number, direction: "up" | "down") => change("category:manage", id, (db, actor) => moveDocumentTypeFor(db, actor, id, direction));
export const removeDocumentType = (id: number) => change("category:manage", id, (db, actor) => removeDocumentTypeFor(db, actor, id));
export const setAttachmentLimit = (megabytes: number) => change("settings:manage", "", (db, actor) => setAttachmentLimitFor(db, actor, megabytes));

export const addAttachment = (documentId: number, upload: AttachmentUpload): Promise<AttachmentResult> => change("post:edit-own", documentId, (db, actor) => addAttachmentFor(db, actor, documentId, upload));
export const removeAttachment = (documentId: number, attachmentId: number) => change("post:edit-own", documentId, (db, actor) => removeAttachmentFor(db, actor, documentId, attachmentId));
