import type { Language } from "@/db/vocabulary";
import { audioRequestPath } from "@/lib/audio/names";
import type { ArticleAudio } from "@/lib/dal/audio/public";
import { wordsFor } from "@/lib/i18n/dictionary";
import { ReaderToolbar } from "./ReaderToolbar";

/**
 * The reader toolbar of a public article or page: with its read-aloud recording when it is made,
 * the offer to make it when it is not, the browser's voice only without `audio` (staff previews).
 * In the page's language: its words, and its recording (each language's version has its own).
 */
export function ContentReaderToolbar({ contentId, audio, language = "vi" }: { contentId: number; audio?: ArticleAudio; language?: Language }) {
  return (
    <ReaderToolbar
      words={wordsFor(language).reader}
      audio={audio?.state === "ready" ? audio : undefined}
      audioOffer={audio && audio.state !== "ready" ? { requestUrl: audioRequestPath(contentId, language), preparing: audio.state === "preparing" } : undefined}
    />
  );
}
