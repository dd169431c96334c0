import { DEFAULT_FONT_SIZE, DEFAULT_RATE, FONT_STEPS, formatDecimal, nextFontSize } from "@/lib/reader/preferences";
import { getPrefs, isHighContrast, subscribePrefs, updatePrefs } from "./prefs-store";
import { createReadAloud, type ReadAloudStatus } from "./read-aloud";
import { ICON_PAUSE, ICON_PLAY, PLAY_LABEL, PROBLEMS, sizeMessage } from "./toolbar-text";

const SMALLEST = Math.min(...FONT_STEPS);
const LARGEST = Math.max(...FONT_STEPS);

/**
 * Runs one reader toolbar written by ReaderToolbar.tsx: text size, contrast and read-aloud.
 * Returns what stops it (speech included) when the toolbar leaves the page.
 */
export function runReaderToolbar(toolbar: HTMLElement): () => void {
  const part = <T extends Element = HTMLElement>(name: string) => toolbar.querySelector<T>(`[data-reader="${name}"]`);
  const setDisabled = (name: string, disabled: boolean) => part(name)?.setAttribute("aria-disabled", String(disabled));

  let status: ReadAloudStatus = "idle";
  const rateSelect = part<HTMLSelectElement>("rate");
  const readAloud = rateSelect
    ? createReadAloud({
        getRoot: () => toolbar.closest("[data-read-aloud-root]") ?? document.querySelector("[data-read-aloud-root]"),
        onStatus: (next) => {
          status = next;
          part("play-icon")?.setAttribute("d", next === "playing" ? ICON_PAUSE : ICON_PLAY);
          const label = part("play-label");
          if (label) label.textContent = PLAY_LABEL[next];
          setDisabled("play", next === "loading");
          setDisabled("stop", next === "idle");
        },
        onProblem: (problem) => showProblem(PROBLEMS[problem]),
      })
    : null;

  function showProblem(text: string) {
    const problem = part("problem");
    if (problem) problem.textContent = text;
  }

  // The page was written with the defaults; bring it to the reader's saved choices.
  const render = () => {
    const prefs = getPrefs();
    setDisabled("smaller", prefs.fontSize <= SMALLEST);
    setDisabled("default", prefs.fontSize === DEFAULT_FONT_SIZE);
    setDisabled("larger", prefs.fontSize >= LARGEST);
    part("contrast")?.setAttribute("aria-pressed", String(isHighContrast(prefs)));
    const rate = prefs.rate ?? DEFAULT_RATE;
    if (rateSelect) rateSelect.value = String(rate);
    readAloud?.setRate(rate);
  };

  const changeSize = (dir: -1 | 0 | 1) => {
    const { fontSize } = getPrefs();
    const next = nextFontSize(fontSize, dir);
    if (next === fontSize) return;
    updatePrefs({ fontSize: next });
    const message = part("size-status");
    if (message) message.textContent = sizeMessage(formatDecimal(next));
  };

  const onClick = (event: MouseEvent) => {
    const action = (event.target as Element).closest("button[data-reader]")?.getAttribute("data-reader");
    if (action === "smaller") changeSize(-1);
    else if (action === "default") changeSize(0);
    else if (action === "larger") changeSize(1);
    else if (action === "contrast") updatePrefs({ contrast: isHighContrast(getPrefs()) ? "normal" : "high" });
    else if (action === "stop") readAloud?.stop();
    else if (action === "play" && readAloud) {
      if (status === "playing") readAloud.pause();
      else if (status === "paused") readAloud.resume();
      else if (status === "idle") {
        showProblem("");
        void readAloud.play();
      }
    }
  };
  const onRateChange = () => updatePrefs({ rate: Number(rateSelect?.value) });

  toolbar.addEventListener("click", onClick);
  rateSelect?.addEventListener("change", onRateChange);
  const unsubscribe = subscribePrefs(render);
  render();
  // Lets tests (and CSS) know the buttons are live before clicking them.
  toolbar.dataset.ready = "true";

  return () => {
    toolbar.removeEventListener("click", onClick);
    rateSelect?.removeEventListener("change", onRateChange);
    unsubscribe();
    readAloud?.destroy();
  };
}
