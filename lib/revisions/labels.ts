import type { RevisionKind } from "@/db/vocabulary";

/** What each kind of revision is called in the history (Lịch sử phiên bản). */
export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  create: "Tạo",
  save: "Lưu",
  autosave: "Tự lưu",
  submit: "Gửi duyệt",
  withdraw: "Rút lại",
  reject: "Trả lại",
  publish: "Xuất bản",
  schedule: "Hẹn giờ",
  unschedule: "Huỷ hẹn giờ",
  unpublish: "Gỡ bài",
  restore: "Khôi phục",
  conflict: "Bản bị xung đột",
  import: "Nhập từ trang cũ",
};

/** How a revision is named to people: its place in the post's history, oldest first. */
export const revisionName = (number: number) => `phiên bản #${number}`;
