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
