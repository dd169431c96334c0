/** What the editor's save status line says, in one place so the wording is tested. */

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  /** `aside`: the autosave of a public post, kept as a pending draft rather than published. */
  | { kind: "saved"; at: Date; aside?: boolean }
  /** A new post exists only in this browser until its first save by hand. */
  | { kind: "local"; at: Date }
  | { kind: "retrying" }
  | { kind: "offline" }
  | { kind: "conflict" }
  | { kind: "signedOut" }
  | { kind: "refused"; message: string };

// Vietnam has been on UTC+7 without daylight saving since 1975 (see lib/vi/date-line.ts).
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad2 = (n: number) => String(n).padStart(2, "0");

/** `14:05` in Vietnam time, whatever the zone of the browser. */
export function formatVietnamClock(at: Date): string {
  const v = new Date(at.getTime() + VN_OFFSET_MS);
  return `${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}`;
}

/** `14:05 ngày 31/12/2025` in Vietnam time: when an offered copy was made. */
export function formatVietnamMoment(at: Date): string {
  const v = new Date(at.getTime() + VN_OFFSET_MS);
  return `${formatVietnamClock(at)} ngày ${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

export function autosaveStatusText(status: AutosaveStatus): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "unsaved":
      return "Có thay đổi chưa lưu";
    case "saving":
      return "Đang lưu…";
    case "saved":
      return status.aside ? `Đã lưu lúc ${formatVietnamClock(status.at)} (bản nháp riêng, chưa đăng lên trang)` : `Đã lưu lúc ${formatVietnamClock(status.at)}`;
    case "local":
      return `Đã giữ trên máy này lúc ${formatVietnamClock(status.at)} – bấm Lưu để lưu bài mới lên hệ thống`;
    case "retrying":
      return "Chưa lưu được – đang thử lại";
    case "offline":
      return "Mất kết nối – các thay đổi được giữ trên máy này";
    case "conflict":
      return "Chưa lưu: bài đã được người khác sửa – hãy chọn giữ bản nào";
    case "signedOut":
      return "Phiên đăng nhập đã hết hạn – các thay đổi được giữ trên máy này; hãy đăng nhập lại để lưu";
    case "refused":
      return `Chưa lưu tự động: ${status.message}`;
  }
}

/** Waits between retries of a failed save: 2, 4, 8… seconds, at most a minute. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}
