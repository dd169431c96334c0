/**
 * The list of document types (Loại văn bản) for staff: add, rename, reorder, and remove a type no
 * document uses. Editors and admins, as with categories (`category:manage`); the check is here,
 * beside each write, whatever the screen showed.
 */
import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { documents, documentTypes } from "@/db/schema";
import { cacheTags } from "@/lib/cache/tags";
import { logActivity } from "@/lib/dal/activity/log";
import { requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db, type Tx } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ChangeResult } from "@/lib/dal/result";
import { slugify } from "@/lib/vi/slug";
import { cleanLine } from "@/lib/vi/text";

export const DOCUMENT_TYPE_NAME_MAX = 80;

export const DOCUMENT_TYPE_MESSAGES = {
  nameRequired: "Vui lòng nhập tên loại văn bản.",
  nameTooLong: `Tên loại văn bản không được dài quá ${DOCUMENT_TYPE_NAME_MAX} ký tự.`,
  nameTaken: "Đã có loại văn bản này (so không phân biệt dấu và chữ hoa).",
  missing: "Không tìm thấy loại văn bản này. Hãy tải lại trang.",
  inUse: "Không xoá được: loại này đang được dùng cho văn bản. Hãy đổi loại của các văn bản đó trước.",
} as const;

export type DocumentTypeRow = { id: number; name: string; slug: string; documentCount: number };

export function listDocumentTypesFor(db: Db, actor: Actor | null): DocumentTypeRow[] {
  requireRole(actor, "category:manage");
  return db
    .select({ id: documentTypes.id, name: documentTypes.name, slug: documentTypes.slug, documentCount: count(documents.postId) })
    .from(documentTypes)
    .leftJoin(documents, eq(documents.typeId, documentTypes.id))
    .groupBy(documentTypes.id)
    .orderBy(asc(documentTypes.position), asc(documentTypes.name))
    .all();
}

type NameCheck = { ok: true; name: string; slug: string } | { ok: false; field: "name"; message: string };

function checkName(tx: Pick<Tx, "select">, raw: string, exceptId: number | null): NameCheck {
  const name = cleanLine(raw);
  if (!name) return { ok: false, field: "name", message: DOCUMENT_TYPE_MESSAGES.nameRequired };
  if ([...name].length > DOCUMENT_TYPE_NAME_MAX) return { ok: false, field: "name", message: DOCUMENT_TYPE_MESSAGES.nameTooLong };
  const slug = slugify(name);
  const taken = tx
    .select({ id: documentTypes.id })
    .from(documentTypes)
    .where(and(eq(documentTypes.slug, slug), exceptId === null ? undefined : ne(documentTypes.id, exceptId)))
    .get();
  return taken ? { ok: false, field: "name", message: DOCUMENT_TYPE_MESSAGES.nameTaken } : { ok: true, name, slug };
}

/** Every change to the list shows on the registry's filters and on each document of the type: the `documents` tag and, for a rename, the whole site's document pages. */
function changed(tx: Tx, actor: Actor, summary: string): void {
  logActivity(tx, { actor, action: "document-type.update", objectType: "document-type", summary, ip: actor.ip });
  queueInvalidation(tx, [cacheTags.documents]);
}

export function addDocumentTypeFor(db: Db, actor: Actor | null, rawName: string): ChangeResult<{ id: number }> {
  requireRole(actor, "category:manage");
  return db.transaction((tx): ChangeResult<{ id: number }> => {
    const checked = checkName(tx, rawName, null);
    if (!checked.ok) return checked;
    const last = tx.select({ position: documentTypes.position }).from(documentTypes).orderBy(asc(documentTypes.position)).all().at(-1)?.position ?? 0;
    const id = tx.insert(documentTypes).values({ name: checked.name, slug: checked.slug, position: last + 1 }).returning({ id: documentTypes.id }).get().id;
    changed(tx, actor, `Thêm loại “${checked.name}”`);
    return { ok: true, message: `Đã thêm loại văn bản “${checked.name}”.`, id };
  }, WRITE);
}

export function renameDocumentTypeFor(db: Db, actor: Actor | null, id: number, rawName: string): ChangeResult {
  requireRole(actor, "category:manage", id);
  return db.transaction((tx): ChangeResult => {
    const row = tx.select().from(documentTypes).where(eq(documentTypes.id, id)).get();
    if (!row) return { ok: false, message: DOCUMENT_TYPE_MESSAGES.missing };
    const checked = checkName(tx, rawName, id);
    if (!checked.ok) return checked;
    if (checked.name === row.name) return { ok: true, message: "Tên loại văn bản không thay đổi." };
    tx.update(documentTypes).set({ name: checked.name, slug: checked.slug }).where(eq(documentTypes.id, id)).run();
    changed(tx, actor, `Đổi tên “${row.name}” thành “${checked.name}”`);
    // Each document page names its type.
    queueInvalidation(tx, [cacheTags.all]);
    return { ok: true, message: `Đã đổi tên thành “${checked.name}”.` };
  }, WRITE);
}

export function moveDocumentTypeFor(db: Db, actor: Actor | null, id: number, direction: "up" | "down"): ChangeResult {
  requireRole(actor, "category:manage", id);
  return db.transaction((tx): ChangeResult => {
    const order = tx.select({ id: documentTypes.id, name: documentTypes.name }).from(documentTypes).orderBy(asc(documentTypes.position), asc(documentTypes.name)).all();
    const at = order.findIndex((t) => t.id === id);
    if (at < 0) return { ok: false, message: DOCUMENT_TYPE_MESSAGES.missing };
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return { ok: true, message: `“${order[at]!.name}” đã ở ${direction === "up" ? "đầu" : "cuối"} danh sách.` };
    [order[at], order[to]] = [order[to]!, order[at]!];
    // Positions are renumbered 1…n, so older equal positions (sorted by name) settle too.
    order.forEach((t, i) => tx.update(documentTypes).set({ position: i + 1 }).where(eq(documentTypes.id, t.id)).run());
    changed(tx, actor, `Chuyển “${order[to]!.name}” ${direction === "up" ? "lên" : "xuống"}`);
    return { ok: true, message: `Đã chuyển “${order[to]!.name}” ${direction === "up" ? "lên" : "xuống"} vị trí ${to + 1}.` };
  }, WRITE);
}

export function removeDocumentTypeFor(db: Db, actor: Actor | null, id: number): ChangeResult {
  requireRole(actor, "category:manage", id);
  return db.transaction((tx): ChangeResult => {
    const row = tx.select().from(documentTypes).where(eq(documentTypes.id, id)).get();
    if (!row) return { ok: false, message: DOCUMENT_TYPE_MESSAGES.missing };
    const used = tx.select({ n: count() }).from(documents).where(eq(documents.typeId, id)).get()!.n;
    if (used > 0) return { ok: false, message: DOCUMENT_TYPE_MESSAGES.inUse };
    tx.delete(documentTypes).where(eq(documentTypes.id, id)).run();
    changed(tx, actor, `Xoá loại “${row.name}”`);
    return { ok: true, message: `Đã xoá loại văn bản “${row.name}”.` };
  }, WRITE);
}
