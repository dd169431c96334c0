import "server-only";
import type { AppDatabase } from "@/db";
import { activityLog } from "@/db/schema";

export const ACTIVITY_LABELS = {
  "auth.sign-in": "Đăng nhập",
  "auth.sign-in-failed": "Đăng nhập thất bại",
  "auth.sign-in-locked": "Đăng nhập bị chặn tạm thời",
  "auth.sign-out": "Đăng xuất",
  "auth.sign-out-everywhere": "Đăng xuất khỏi mọi thiết bị",
  "user.create": "Tạo tài khoản",
  "user.update": "Sửa tài khoản",
  "user.disable": "Khoá tài khoản",
  "user.enable": "Mở khoá tài khoản",
  "user.reset-password": "Đặt lại mật khẩu",
  "user.change-password": "Đổi mật khẩu",
  "user.totp-enable": "Bật xác thực hai bước",
  "user.totp-disable": "Tắt xác thực hai bước",
  "settings.update": "Đổi cài đặt",
  "security.denied": "Bị từ chối truy cập",
} as const;
export type ActivityAction = keyof typeof ACTIVITY_LABELS;

export type Actor = { id: number; name: string } | null;

type Writer = Pick<AppDatabase, "insert">;

/** Appends one entry; the table refuses updates and deletes, so the log is a faithful record. */
export function logActivity(
  db: Writer,
  entry: { actor: Actor; action: ActivityAction; objectType?: string; objectId?: string | number; summary?: string; ip?: string },
): void {
  db.insert(activityLog)
    .values({
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.name ?? "",
      action: entry.action,
      objectType: entry.objectType ?? "",
      objectId: entry.objectId === undefined ? "" : String(entry.objectId),
      summary: entry.summary ?? "",
      ip: entry.ip ?? "",
    })
    .run();
}
