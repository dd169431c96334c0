import "server-only";
import type { Db } from "@/lib/dal/connection";
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
  "post.create": "Tạo bài viết",
  "post.translate": "Thêm bản tiếng Anh",
  "post.update": "Sửa bài viết",
  "post.submit": "Gửi duyệt",
  "post.reject": "Trả lại bài",
  "post.publish": "Xuất bản",
  "post.schedule": "Hẹn giờ xuất bản",
  "post.unpublish": "Gỡ bài",
  "post.go-live": "Lên trang theo giờ hẹn",
  "post.unschedule": "Huỷ hẹn giờ",
  "post.withdraw": "Rút lại bài chờ duyệt",
  "post.revision-restore": "Khôi phục phiên bản",
  "post.correction": "Đính chính",
  "trash.empty": "Dọn thùng rác",
  "post.trash": "Chuyển vào thùng rác",
  "post.restore": "Khôi phục bài viết",
  "page.reorder": "Sắp xếp trang",
  "post.purge": "Xoá hẳn bài viết",
  "category.create": "Tạo chuyên mục",
  "category.update": "Sửa chuyên mục",
  "category.reorder": "Sắp xếp chuyên mục",
  "category.delete": "Xoá chuyên mục",
  "menu.update": "Sửa trình đơn",
  "home.update": "Sắp xếp trang chủ",
  "site.update": "Đổi thông tin trang",
  "document.attach": "Đính kèm tệp văn bản",
  "document.detach": "Gỡ tệp văn bản",
  "document.import": "Nhập văn bản",
  "document-type.update": "Sửa danh sách loại văn bản",
  "media.upload": "Tải ảnh lên",
  "media.update": "Sửa thông tin ảnh",
  "media.delete": "Xoá ảnh",
  "backup.run": "Sao lưu dữ liệu",
  "backup.restore": "Khôi phục dữ liệu từ bản sao lưu",
  "security.denied": "Bị từ chối truy cập",
} as const;
export type ActivityAction = keyof typeof ACTIVITY_LABELS;

/** A title as the activity log summaries show it. */
export const quoted = (title: string) => `“${title}”`;

// A null id is the system itself (the scheduler, the trash purge), named for the reader of the log.
export type Actor = { id: number | null; name: string } | null;

type Writer = Pick<Db, "insert">;

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
