"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type RefObject } from "react";
import {
  DEFAULT_FONT_SIZE,
  DEFAULT_RATE,
  FONT_STEPS,
  RATES,
  formatDecimal,
  nextFontSize,
} from "@/lib/reader/preferences";
import {
  createReadAloud,
  type ReadAloudController,
  type ReadAloudProblem,
  type ReadAloudStatus,
} from "./read-aloud";
import { updatePrefs, useReaderPrefs } from "./use-reader-prefs";

const SMALLEST = Math.min(...FONT_STEPS);
const LARGEST = Math.max(...FONT_STEPS);

const PROBLEMS: Record<ReadAloudProblem, string> = {
  "no-voice": "Trình duyệt của bạn chưa có giọng đọc tiếng Việt nên không thể đọc bài viết.",
  empty: "Bài viết không có nội dung để đọc.",
  failed: "Không thể tiếp tục đọc bài viết. Vui lòng thử lại.",
};

const PLAY_LABEL: Record<ReadAloudStatus, string> = {
  idle: "Đọc bài viết",
  loading: "Đọc bài viết",
  playing: "Tạm dừng",
  paused: "Tiếp tục",
};

// rem-based so the controls grow with the text; aria-disabled (not disabled) keeps
// focus on a button that just reached the end of the scale.
const CONTROL =
  "inline-flex min-h-[2.75rem] min-w-[2.75rem] items-center justify-center gap-1.5 rounded-md border border-line bg-surface px-3 font-semibold text-ink hover:border-brand focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus aria-disabled:cursor-not-allowed aria-disabled:opacity-60 aria-disabled:hover:border-line";
// The inner ring marks "on" by shape too: in high contrast the brand background is black.
const PRESSED =
  "aria-pressed:bg-brand aria-pressed:text-brand-ink aria-pressed:shadow-[inset_0_0_0_2px_var(--brand-ink)]";
const GROUP = "flex flex-wrap items-center gap-2";

const subscribeNothing = () => () => {};

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="size-[1em] shrink-0 fill-current">
      <path fillRule="evenodd" d={d} />
    </svg>
  );
}

const ICON_PLAY = "M4 2.5v11l9-5.5z";
const ICON_PAUSE = "M4 2.5h3v11H4zm5 0h3v11H9z";
const ICON_STOP = "M3.5 3.5h9v9h-9z";
const ICON_CONTRAST = "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 0 1 0 11z";

export function ReaderToolbar({ readAloud = true }: { readAloud?: boolean }) {
  const { prefs, highContrast } = useReaderPrefs();
  const [sizeMessage, setSizeMessage] = useState("");
  const [problem, setProblem] = useState<ReadAloudProblem | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const sizeLabelId = useId();
  // False in the server HTML and during hydration: lets tests (and CSS) know the
  // buttons are live before clicking them.
  const ready = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const { fontSize } = prefs;

  const changeSize = (dir: -1 | 0 | 1) => {
    const next = nextFontSize(fontSize, dir);
    if (next === fontSize) return;
    updatePrefs({ fontSize: next });
    setSizeMessage(`Cỡ chữ ${formatDecimal(next)}%`);
  };

  return (
    <div
      ref={toolbar}
      role="group"
      aria-label="Công cụ đọc"
      data-read-skip=""
      data-ready={ready ? "true" : undefined}
      className="reader-toolbar border-y border-line py-2 text-ink"
    >
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div role="group" aria-labelledby={sizeLabelId} className={GROUP}>
          <span id={sizeLabelId} className="text-muted">
            Xem với cỡ chữ
          </span>
          <button
            type="button"
            className={`${CONTROL} text-sm`}
            aria-disabled={fontSize <= SMALLEST}
            onClick={() => changeSize(-1)}
          >
            A−<span className="sr-only"> Giảm cỡ chữ</span>
          </button>
          <button
            type="button"
            className={CONTROL}
            aria-disabled={fontSize === DEFAULT_FONT_SIZE}
            onClick={() => changeSize(0)}
          >
            A<span className="sr-only"> Cỡ chữ mặc định</span>
          </button>
          <button
            type="button"
            className={`${CONTROL} text-lg`}
            aria-disabled={fontSize >= LARGEST}
            onClick={() => changeSize(1)}
          >
            A+<span className="sr-only"> Tăng cỡ chữ</span>
          </button>
        </div>

        {readAloud && (
          <ReadAloudControls
            rate={prefs.rate ?? DEFAULT_RATE}
            toolbar={toolbar}
            onProblem={setProblem}
          />
        )}

        <button
          type="button"
          className={`${CONTROL} ${PRESSED}`}
          aria-pressed={highContrast}
          onClick={() => updatePrefs({ contrast: highContrast ? "normal" : "high" })}
        >
          <Icon d={ICON_CONTRAST} />
          Tương phản
        </button>
      </div>
      <p role="status" className="sr-only">
        {sizeMessage}
      </p>
      {/* Always rendered: a live region must exist before its text changes to be announced. */}
      {readAloud && (
        <p role="status" className="text-sm text-ink not-empty:mt-2">
          {problem ? PROBLEMS[problem] : ""}
        </p>
      )}
    </div>
  );
}

function ReadAloudControls({
  rate,
  toolbar,
  onProblem,
}: {
  rate: number;
  toolbar: RefObject<HTMLDivElement | null>;
  onProblem: (problem: ReadAloudProblem | null) => void;
}) {
  const [status, setStatus] = useState<ReadAloudStatus>("idle");
  const controller = useRef<ReadAloudController | null>(null);
  const rateId = useId();

  useEffect(() => {
    const readAloud = createReadAloud({
      getRoot: () =>
        toolbar.current?.closest("[data-read-aloud-root]") ??
        document.querySelector("[data-read-aloud-root]"),
      onStatus: setStatus,
      onProblem,
    });
    controller.current = readAloud;
    // Unmount is how a client-side navigation leaves the page: stop talking.
    return () => {
      readAloud.destroy();
      controller.current = null;
    };
  }, [toolbar, onProblem]);

  // Declared after the effect above so the controller exists when it first runs.
  useEffect(() => {
    controller.current?.setRate(rate);
  }, [rate]);

  const onMain = () => {
    const readAloud = controller.current;
    if (!readAloud) return;
    if (status === "playing") readAloud.pause();
    else if (status === "paused") readAloud.resume();
    else if (status === "idle") {
      onProblem(null);
      void readAloud.play();
    }
  };

  return (
    <div role="group" aria-label="Đọc bài viết" className={GROUP}>
      <button
        type="button"
        className={CONTROL}
        aria-disabled={status === "loading"}
        onClick={onMain}
      >
        <Icon d={status === "playing" ? ICON_PAUSE : ICON_PLAY} />
        {PLAY_LABEL[status]}
      </button>
      <button
        type="button"
        className={CONTROL}
        aria-disabled={status === "idle"}
        onClick={() => controller.current?.stop()}
      >
        <Icon d={ICON_STOP} />
        Dừng
      </button>
      <label htmlFor={rateId} className="text-muted">
        Tốc độ đọc
      </label>
      <select
        id={rateId}
        value={String(rate)}
        onChange={(event) => updatePrefs({ rate: Number(event.target.value) })}
        className="min-h-[2.75rem] rounded-md border border-line bg-surface px-2 text-ink focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        {RATES.map((value) => (
          <option key={value} value={String(value)}>
            {formatDecimal(value)}×
          </option>
        ))}
      </select>
    </div>
  );
}
