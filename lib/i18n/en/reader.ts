/** The reader toolbar's and share buttons' words on the English site (the page script bundles them too). */
import type { ReaderWords } from "../vi/reader";

const whole = (seconds: number) => Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
const clock = (seconds: number) => `${Math.floor(whole(seconds) / 60)}:${String(whole(seconds) % 60).padStart(2, "0")}`;

/** 1468006 → "1.5 MB", 100833 → "101 kB". */
const fileSize = (bytes: number) => (bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`);

const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** 365 → "6 minutes 5 seconds". */
function spokenDuration(seconds: number): string {
  const s = whole(seconds);
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (!minutes) return unit(rest, "second");
  return rest ? `${unit(minutes, "minute")} ${unit(rest, "second")}` : unit(minutes, "minute");
}

export const enReader: ReaderWords = {
  toolbar: "Reading tools",
  textSize: "Text size",
  smaller: "Smaller text",
  defaultSize: "Default text size",
  larger: "Larger text",
  sizeMessage: (percent: string) => `Text size ${percent}%`,
  decimal: (n: number) => String(n),
  listen: "Listen",
  play: { idle: "Listen", loading: "Listen", playing: "Pause", paused: "Resume" },
  stop: "Stop",
  rate: "Reading speed",
  voice: "Voice",
  voiceBrowser: "Browser",
  voiceRecording: "Recording",
  contrast: "Contrast",
  seek: "Playback position",
  problems: {
    "no-voice": "Your browser has no English voice, so it cannot read the article aloud.",
    empty: "The article has no text to read.",
    failed: "Reading could not continue. Please try again.",
  },
  audio: {
    switched: "Your browser has no English voice. Playing the article's recording instead.",
    failed: "The recording could not be played. Please try again or download the file.",
    preparing: "Preparing the article's recording, please wait a moment…",
    busy: "The server is busy preparing other recordings. Please try again in a few minutes.",
    unavailable: "The article's recording could not be made yet. Please try again later.",
    offerNoScript: "This article has no recording yet. The server can make one for you to listen to or download.",
    preparingNoScript: "The article's recording is being prepared. Please reload the page in a few minutes to listen.",
  },
  makeRecording: "Make a recording",
  clock,
  fileSize,
  spokenDuration,
  positionText: (current: number, duration: number) => `${spokenDuration(current)} of ${spokenDuration(duration)}`,
  remainingText: (current: number, duration: number) => `${clock(duration - current)} left`,
  downloadLabel: (bytes: number) => `Download the recording (MP3, ${fileSize(bytes)})`,
  listenTo: (seconds: number) => `Listen to the article (${spokenDuration(seconds)})`,
  downloadFull: (bytes: number, seconds: number) => `Download the recording (MP3, ${fileSize(bytes)}, ${clock(seconds)})`,
  share: {
    group: "Print and share",
    print: "Print",
    facebook: "Share on Facebook",
    zalo: "Share on Zalo",
    newTab: " (opens in a new tab)",
    copy: "Copy link",
    copied: "Link copied",
    copyFailed: (url: string) => `The link could not be copied. The article's address: ${url}`,
  },
};
