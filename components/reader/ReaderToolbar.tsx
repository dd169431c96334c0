import { DEFAULT_RATE, RATES } from "@/lib/reader/preferences";
import { viReader, type ReaderWords } from "@/lib/i18n/vi/reader";
import { ICON_CONTRAST, ICON_PLAY, ICON_STOP } from "./toolbar-text";

/*
 * The reader toolbar as the server writes it, in its first state (default size, contrast off,
 * not reading). Public pages ship no framework: components/reader/toolbar-behaviour.ts, in the page
 * script, finds it by `data-reader-toolbar`, brings it to the reader's saved preferences, runs the
 * buttons and sets `data-ready` once they are live. Without JavaScript it is hidden (reader.css).
 *
 * With `audio` (the article's server-made recording), "Đọc bài viết" can also play that file: the
 * page script chooses it where the browser has no voice, and the reader can switch with "Giọng đọc".
 * Without JavaScript a plain <audio controls> and a download link stand in for the toolbar's part.
 * With `audioOffer` instead (an archive article whose recording is not made yet), the same choice
 * is there: the page script asks the server for the recording (`requestUrl`), says it is being
 * prepared and plays it once made; without JavaScript a button asks for it, or a line says it is
 * being prepared.
 */

export type ReaderAudio = { src: string; durationSeconds: number; bytes: number };
/** A recording that is not made yet: asked for at `requestUrl` (POST) when the reader wants it. */
export type ReaderAudioOffer = { requestUrl: string; preparing: boolean };

// rem-based so the controls grow with the text; aria-disabled (not disabled) keeps
// focus on a button that just reached the end of the scale.
const CONTROL =
  "inline-flex min-h-[2.75rem] min-w-[2.75rem] items-center justify-center gap-1.5 rounded-md border border-line bg-surface px-3 font-semibold text-ink hover:border-brand focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus aria-disabled:cursor-not-allowed aria-disabled:opacity-60 aria-disabled:hover:border-line";
// The inner ring marks "on" by shape too: in high contrast the brand background is black.
const PRESSED =
  "aria-pressed:bg-brand aria-pressed:text-brand-ink aria-pressed:shadow-[inset_0_0_0_2px_var(--brand-ink)]";
const GROUP = "flex flex-wrap items-center gap-2";

function Icon({ d, part }: { d: string; part?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="size-[1em] shrink-0 fill-current">
      <path fillRule="evenodd" d={d} data-reader={part} />
    </svg>
  );
}

// max-w-full: at 200 % text on a 320 px phone a select is never wider than the page.
const SELECT =
  "min-h-[2.75rem] max-w-full rounded-md border border-line bg-surface px-2 text-ink focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus";

/** `words`: the page's language's (lib/i18n); the page script reads the same from `<html lang>`. */
export function ReaderToolbar({ readAloud = true, audio, audioOffer, words = viReader }: { readAloud?: boolean; audio?: ReaderAudio; audioOffer?: ReaderAudioOffer; words?: ReaderWords }) {
  const recording = readAloud ? audio : undefined;
  const offer = readAloud && !recording ? audioOffer : undefined;
  const duration = recording?.durationSeconds ?? 0;
  return (
    <>
      <div
        role="group"
        aria-label={words.toolbar}
        data-read-skip=""
        data-reader-toolbar=""
        data-audio-src={recording?.src}
        data-audio-duration={recording ? String(recording.durationSeconds) : undefined}
        data-audio-request={offer?.requestUrl}
        className="reader-toolbar border-y border-line py-1.5 text-ink sm:py-2"
      >
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 sm:gap-x-6 sm:gap-y-3">
          <div role="group" aria-labelledby="reader-size-label" className={GROUP}>
            <span id="reader-size-label" className="reader-label text-muted">
              {words.textSize}
            </span>
            <button type="button" className={`${CONTROL} text-sm`} aria-disabled="false" data-reader="smaller">
              A−<span className="sr-only"> {words.smaller}</span>
            </button>
            <button type="button" className={CONTROL} aria-disabled="true" data-reader="default">
              A<span className="sr-only"> {words.defaultSize}</span>
            </button>
            <button type="button" className={`${CONTROL} text-lg`} aria-disabled="false" data-reader="larger">
              A+<span className="sr-only"> {words.larger}</span>
            </button>
          </div>

          {readAloud && (
            <div role="group" aria-label={words.listen} className={`reader-read ${GROUP}`}>
              <button type="button" className={CONTROL} aria-disabled="false" data-reader="play">
                <Icon d={ICON_PLAY} part="play-icon" />
                <span data-reader="play-label" className="reader-button-text">
                  {words.play.idle}
                </span>
              </button>
              <button type="button" className={CONTROL} aria-disabled="true" data-reader="stop">
                <Icon d={ICON_STOP} />
                <span className="reader-button-text">{words.stop}</span>
              </button>
              <label htmlFor="reader-rate" className="reader-label text-muted">
                {words.rate}
              </label>
              <select id="reader-rate" defaultValue={String(DEFAULT_RATE)} data-reader="rate" className={SELECT}>
                {RATES.map((value) => (
                  <option key={value} value={String(value)}>
                    {words.decimal(value)}×
                  </option>
                ))}
              </select>
              {(recording || offer) && (
                <>
                  <label htmlFor="reader-source" className="reader-label text-muted">
                    {words.voice}
                  </label>
                  <select id="reader-source" defaultValue="browser" data-reader="source" className={SELECT}>
                    <option value="browser">{words.voiceBrowser}</option>
                    <option value="audio">{words.voiceRecording}</option>
                  </select>
                </>
              )}
            </div>
          )}

          <button type="button" className={`${CONTROL} ${PRESSED}`} aria-pressed="false" data-reader="contrast">
            <Icon d={ICON_CONTRAST} />
            {words.contrast}
          </button>
        </div>
        {(recording || offer) && (
          // For an offer the script fills in the recording's length, time and link once it is made.
          <div className="mt-3 flex flex-wrap items-center gap-3" data-reader="audio-player" hidden>
            <input
              type="range"
              min={0}
              max={Math.ceil(duration)}
              step={5}
              defaultValue={0}
              aria-label={words.seek}
              aria-valuetext={words.positionText(0, duration)}
              data-reader="seek"
              className="min-h-[2.75rem] min-w-0 flex-1 accent-[var(--brand)] focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus"
            />
            <span className="tabular-nums text-muted" data-reader="time">
              {recording ? words.remainingText(0, duration) : ""}
            </span>
            <a href={recording?.src} download className="underline" data-reader="download">
              {recording ? words.downloadLabel(recording.bytes) : ""}
            </a>
          </div>
        )}
        {/* Always rendered: a live region must exist before its text changes to be announced. */}
        <p role="status" className="sr-only" data-reader="size-status" />
        {readAloud && <p role="status" className="text-sm text-ink not-empty:mt-2" data-reader="problem" />}
      </div>
      {recording && (
        // Without JavaScript the toolbar is hidden (reader.css) and this is shown instead.
        <div id="ban-ghi-am" className="reader-audio-fallback mt-4 flex flex-col gap-2 border-y border-line py-3" data-read-skip="">
          <span id="reader-audio-label" className="font-semibold">
            {words.listenTo(recording.durationSeconds)}
          </span>
          <audio controls preload="none" src={recording.src} aria-labelledby="reader-audio-label" className="w-full" />
          <a href={recording.src} download className="underline">
            {words.downloadFull(recording.bytes, recording.durationSeconds)}
          </a>
        </div>
      )}
      {offer && (
        <div id="ban-ghi-am" className="reader-audio-fallback mt-4 flex flex-col items-start gap-2 border-y border-line py-3" data-read-skip="">
          {offer.preparing ? (
            <p>{words.audio.preparingNoScript}</p>
          ) : (
            <form method="post" action={offer.requestUrl} className="flex flex-col items-start gap-2">
              <p>{words.audio.offerNoScript}</p>
              <button type="submit" className={CONTROL}>
                {words.makeRecording}
              </button>
            </form>
          )}
        </div>
      )}
    </>
  );
}
