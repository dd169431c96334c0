/** The upload limit for a document's files (Cài đặt › Văn bản): one setting shared by every process. */
import "server-only";
import { requireRole, type Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { logActivity } from "@/lib/dal/activity/log";
import { readSetting, writeSetting } from "@/lib/dal/settings/store";
import type { ChangeResult } from "@/lib/dal/result";
import { ATTACHMENT_LIMIT_MB } from "@/lib/validations/document-settings";

const KEY = "documents.maxAttachmentMb";
export { ATTACHMENT_LIMIT_MB };

export function attachmentLimitMb(db: Pick<Db, "select">): number {
  const value = readSetting(db, KEY);
  return typeof value === "number" && Number.isInteger(value) && value >= ATTACHMENT_LIMIT_MB.min && value <= ATTACHMENT_LIMIT_MB.max ? value : ATTACHMENT_LIMIT_MB.default;
}

export function attachmentLimitBytes(db: Pick<Db, "select">): number {
  return attachmentLimitMb(db) * 1024 * 1024;
}

export function setAttachmentLimitFor(db: Db, actor: Actor | null, megabytes: number): ChangeResult {
  requireRole(actor, "settings:manage");
  if (!Number.isInteger(megabytes) || megabytes < ATTACHMENT_LIMIT_MB.min || megabytes > ATTACHMENT_LIMIT_MB.max) {
    return { ok: false, field: "megabytes", message: `Giới hạn phải là số nguyên từ ${ATTACHMENT_LIMIT_MB.min} đến ${ATTACHMENT_LIMIT_MB.max} MB.` };
  }
  db.transaction((tx) => {
    writeSetting(tx, KEY, megabytes);
    logActivity(tx, { actor, action: "settings.update", summary: `Giới hạn tệp văn bản: ${megabytes} MB`, ip: actor.ip });
  });
  return { ok: true, message: `Đã lưu: tệp văn bản tối đa ${megabytes} MB.` };
}
