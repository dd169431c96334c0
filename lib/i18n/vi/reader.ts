/**
 * The reader toolbar's and share buttons' words in Vietnamese: the part of the dictionary the page
 * script needs too (it changes them as the reader uses the toolbar), kept in its own file so the
 * script bundles only these.
 */
import { formatDecimal } from "@/lib/reader/preferences";

const whole = (seconds: number) => Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
const clock = (seconds: number) => `${Math.floor(whole(seconds) / 60)}:${String(whole(seconds) % 60).padStart(2, "0")}`;

/** 1468006 → "1,5 MB", 100833 → "101 kB". */
const fileSize = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1).replace(".", ",")} MB`;

/** 365 → "6 phút 5 giây", as a screen reader should say it. */
function spokenDuration(seconds: number): string {
  const s = whole(seconds);
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (!minutes) return `${rest} giây`;
  return rest ? `${minutes} phút ${rest} giây` : `${minutes} phút`;
}

export const viReader = {
  toolbar: "Công cụ đọc",
  textSize: "Xem với cỡ chữ",
  smaller: "Giảm cỡ chữ",
  defaultSize: "Cỡ chữ mặc định",
  larger: "Tăng cỡ chữ",
  sizeMessage: (percent: string) => `Cỡ chữ ${percent}%`,
  /** 0.75 → "0,75": the speeds and sizes as the language writes numbers. */
  decimal: formatDecimal,
  listen: "Đọc bài viết",
  play: { idle: "Đọc bài viết", loading: "Đọc bài viết", playing: "Tạm dừng", paused: "Tiếp tục" },
  stop: "Dừng",
  rate: "Tốc độ đọc",
  voice: "Giọng đọc",
  voiceBrowser: "Trình duyệt",
  voiceRecording: "Bản ghi âm",
  contrast: "Tương phản",
  seek: "Vị trí đang nghe",
  problems: {
    "no-voice": "Trình duyệt của bạn chưa có giọng đọc tiếng Việt nên không thể đọc bài viết.",
    empty: "Bài viết không có nội dung để đọc.",
    failed: "Không thể tiếp tục đọc bài viết. Vui lòng thử lại.",
  },
  audio: {
    switched: "Trình duyệt của bạn chưa có giọng đọc tiếng Việt. Đang phát bản ghi âm của bài viết.",
    failed: "Không phát được bản ghi âm. Vui lòng thử lại hoặc tải tệp về máy.",
    // A recording not made yet (archive articles): asked for when the reader wants it.
    preparing: "Đang chuẩn bị bản ghi âm của bài viết, xin vui lòng chờ trong giây lát…",
    busy: "Máy chủ đang bận chuẩn bị các bản ghi âm khác. Vui lòng thử lại sau ít phút.",
    unavailable: "Chưa tạo được bản ghi âm của bài viết. Vui lòng thử lại sau.",
    offerNoScript: "Bài viết chưa có bản ghi âm. Máy chủ có thể tạo bản ghi âm để bạn nghe hoặc tải về.",
    preparingNoScript: "Bản ghi âm của bài viết đang được chuẩn bị. Vui lòng tải lại trang sau ít phút để nghe.",
  },
  makeRecording: "Tạo bản ghi âm",
  clock,
  fileSize,
  spokenDuration,
  /** What the seek slider tells a screen reader: "2 phút 10 giây trên 6 phút 5 giây". */
  positionText: (current: number, duration: number) => `${spokenDuration(current)} trên ${spokenDuration(duration)}`,
  remainingText: (current: number, duration: number) => `Còn ${clock(duration - current)}`,
  /** The download link's words beside the player: "Tải bản ghi âm (MP3, 1,5 MB)". */
  downloadLabel: (bytes: number) => `Tải bản ghi âm (MP3, ${fileSize(bytes)})`,
  listenTo: (seconds: number) => `Nghe bài viết (${spokenDuration(seconds)})`,
  downloadFull: (bytes: number, seconds: number) => `Tải bản ghi âm (MP3, ${fileSize(bytes)}, ${clock(seconds)})`,
  share: {
    group: "In và chia sẻ",
    print: "In bài viết",
    facebook: "Chia sẻ lên Facebook",
    zalo: "Chia sẻ qua Zalo",
    newTab: " (mở trong thẻ mới)",
    copy: "Sao chép liên kết",
    copied: "Đã sao chép liên kết",
    copyFailed: (url: string) => `Không sao chép được. Địa chỉ bài viết: ${url}`,
  },
};

export type ReaderWords = typeof viReader;
