import { audioRequestPath } from "@/lib/audio/names";
import type { ArticleAudio } from "@/lib/dal/audio/public";
import { ReaderToolbar } from "./ReaderToolbar";

/**
 * The reader toolbar of a public article or page: with its read-aloud recording when it is made,
 * the offer to make it when it is not, the browser's voice only without `audio` (staff previews).
 */
export function ContentReaderToolbar({ contentId, audio }: { contentId: number; audio?: ArticleAudio }) {
  return (
    <ReaderToolbar
      audio={audio?.state === "ready" ? audio : undefined}
      audioOffer={audio && audio.state !== "ready" ? { requestUrl: audioRequestPath(contentId, "vi"), preparing: audio.state === "preparing" } : undefined}
    />
  );
}
