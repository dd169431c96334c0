// Icons of the reader toolbar, and its Vietnamese words as the tests and older callers name them.
// The words of each language are in the dictionaries (lib/i18n/vi/reader.ts, lib/i18n/en/reader.ts):
// the server writes the first state in the page's language, the page script changes them in the same.
import { viReader } from "@/lib/i18n/vi/reader";

export const ICON_PLAY = "M4 2.5v11l9-5.5z";
export const ICON_PAUSE = "M4 2.5h3v11H4zm5 0h3v11H9z";
export const ICON_STOP = "M3.5 3.5h9v9h-9z";
export const ICON_CONTRAST = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 0 1 0 11z";

export const PROBLEMS = viReader.problems;
export const PLAY_LABEL = viReader.play;
export const AUDIO_TEXT = viReader.audio;
export const { sizeMessage, clock, spokenDuration, positionText, remainingText, fileSize, downloadLabel } = viReader;
