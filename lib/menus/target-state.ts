/**
 * Where a menu entry's or a featured story's target stands now. Only `live` targets show on the
 * public site; the staff screens show the others flagged, with these words.
 */
export type TargetState = "live" | "scheduled" | "unpublished" | "trashed" | "missing";

export const TARGET_STATE_LABELS: Record<Exclude<TargetState, "live">, string> = {
  scheduled: "chưa đến giờ xuất bản",
  unpublished: "chưa xuất bản hoặc đã gỡ",
  trashed: "đang ở thùng rác",
  missing: "không còn tồn tại",
};
