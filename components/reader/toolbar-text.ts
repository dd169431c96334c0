// Words and icons of the reader toolbar: the server writes the first state into the page,
// the page script (toolbar-behaviour.ts) changes them as the reader uses it.
import type { ReadAloudProblem, ReadAloudStatus } from "./read-aloud";

export const PROBLEMS: Record<ReadAloudProblem, string> = {
  "no-voice": "Trình duyệt của bạn chưa có giọng đọc tiếng Việt nên không thể đọc bài viết.",
  empty: "Bài viết không có nội dung để đọc.",
  failed: "Không thể tiếp tục đọc bài viết. Vui lòng thử lại.",
};

export const PLAY_LABEL: Record<ReadAloudStatus, string> = {
  idle: "Đọc bài viết",
  loading: "Đọc bài viết",
  playing: "Tạm dừng",
  paused: "Tiếp tục",
};

export const ICON_PLAY = "M4 2.5v11l9-5.5z";
export const ICON_PAUSE = "M4 2.5h3v11H4zm5 0h3v11H9z";
export const ICON_STOP = "M3.5 3.5h9v9h-9z";
export const ICON_CONTRAST = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 0 1 0 11z";

export const sizeMessage = (percent: string) => `Cỡ chữ ${percent}%`;

// Server audio ("Bản ghi âm"): the player used where the browser has no voice, or by choice.
export const AUDIO_TEXT = {
  switched: "Trình duyệt của bạn chưa có giọng đọc tiếng Việt. Đang phát bản ghi âm của bài viết.",
  failed: "Không phát được bản ghi âm. Vui lòng thử lại hoặc tải tệp về máy.",
  // A recording not made yet (archive articles): asked for when the reader wants it.
  preparing: "Đang chuẩn bị bản ghi âm của bài viết, xin vui lòng chờ trong giây lát…",
  busy: "Máy chủ đang bận chuẩn bị các bản ghi âm khác. Vui lòng thử lại sau ít phút.",
  unavailable: "Chưa tạo được bản ghi âm của bài viết. Vui lòng thử lại sau.",
  offerNoScript: "Bài viết chưa có bản ghi âm. Máy chủ có thể tạo bản ghi âm để bạn nghe hoặc tải về.",
  preparingNoScript: "Bản ghi âm của bài viết đang được chuẩn bị. Vui lòng tải lại trang sau ít phút để nghe.",
};

const whole = (seconds: number) => Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));

/** 365 → "6:05", as a player shows time. */
export function clock(seconds: number): string {
  const s = whole(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** 365 → "6 phút 5 giây", as a screen reader should say it. */
export function spokenDuration(seconds: number): string {
  const s = whole(seconds);
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (!minutes) return `${rest} giây`;
  return rest ? `${minutes} phút ${rest} giây` : `${minutes} phút`;
}

/** What the seek slider tells a screen reader: "2 phút 10 giây trên 6 phút 5 giây". */
export const positionText = (current: number, duration: number) => `${spokenDuration(current)} trên ${spokenDuration(duration)}`;

export const remainingText = (current: number, duration: number) => `Còn ${clock(duration - current)}`;

/** 1468006 → "1,5 MB", 100833 → "101 kB". */
export const fileSize = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1).replace(".", ",")} MB`;

/** The download link's words beside the player: "Tải bản ghi âm (MP3, 1,5 MB)". */
export const downloadLabel = (bytes: number) => `Tải bản ghi âm (MP3, ${fileSize(bytes)})`;
