import { DEFAULT_RATE, RATES, formatDecimal } from "@/lib/reader/preferences";
import { ICON_CONTRAST, ICON_PLAY, ICON_STOP, PLAY_LABEL } from "./toolbar-text";

/*
 * The reader toolbar as the server writes it, in its first state (default size, contrast off,
 * not reading). Public pages ship no framework: components/reader/toolbar-behaviour.ts, in the page
 * script, finds it by `data-reader-toolbar`, brings it to the reader's saved preferences, runs the
 * buttons and sets `data-ready` once they are live. Without JavaScript it is hidden (reader.css).
 */

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

export function ReaderToolbar({ readAloud = true }: { readAloud?: boolean }) {
  return (
    <div role="group" aria-label="Công cụ đọc" data-read-skip="" data-reader-toolbar="" className="reader-toolbar border-y border-line py-2 text-ink">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div role="group" aria-labelledby="reader-size-label" className={GROUP}>
          <span id="reader-size-label" className="text-muted">
            Xem với cỡ chữ
          </span>
          <button type="button" className={`${CONTROL} text-sm`} aria-disabled="false" data-reader="smaller">
            A−<span className="sr-only"> Giảm cỡ chữ</span>
          </button>
          <button type="button" className={CONTROL} aria-disabled="true" data-reader="default">
            A<span className="sr-only"> Cỡ chữ mặc định</span>
          </button>
          <button type="button" className={`${CONTROL} text-lg`} aria-disabled="false" data-reader="larger">
            A+<span className="sr-only"> Tăng cỡ chữ</span>
          </button>
        </div>

        {readAloud && (
          <div role="group" aria-label="Đọc bài viết" className={GROUP}>
            <button type="button" className={CONTROL} aria-disabled="false" data-reader="play">
              <Icon d={ICON_PLAY} part="play-icon" />
              <span data-reader="play-label">{PLAY_LABEL.idle}</span>
            </button>
            <button type="button" className={CONTROL} aria-disabled="true" data-reader="stop">
              <Icon d={ICON_STOP} />
              Dừng
            </button>
            <label htmlFor="reader-rate" className="text-muted">
              Tốc độ đọc
            </label>
            <select
              id="reader-rate"
              defaultValue={String(DEFAULT_RATE)}
              data-reader="rate"
              className="min-h-[2.75rem] rounded-md border border-line bg-surface px-2 text-ink focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus"
            >
              {RATES.map((value) => (
                <option key={value} value={String(value)}>
                  {formatDecimal(value)}×
                </option>
              ))}
            </select>
          </div>
        )}

        <button type="button" className={`${CONTROL} ${PRESSED}`} aria-pressed="false" data-reader="contrast">
          <Icon d={ICON_CONTRAST} />
          Tương phản
        </button>
      </div>
      {/* Always rendered: a live region must exist before its text changes to be announced. */}
      <p role="status" className="sr-only" data-reader="size-status" />
      {readAloud && <p role="status" className="text-sm text-ink not-empty:mt-2" data-reader="problem" />}
    </div>
  );
}
