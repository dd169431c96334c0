import { DEFAULT_FONT_SIZE, DEFAULT_RATE, FONT_STEPS, formatDecimal, nextFontSize } from "@/lib/reader/preferences";
import { getPrefs, isHighContrast, subscribePrefs, updatePrefs } from "./prefs-store";
import { createAudioPlayer } from "./audio-player";
import { createReadAloud, loadVoices, pickVietnameseVoice, type ReadAloudStatus } from "./read-aloud";
import { AUDIO_TEXT, ICON_PAUSE, ICON_PLAY, PLAY_LABEL, PROBLEMS, positionText, remainingText, sizeMessage } from "./toolbar-text";

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
  const sourceSelect = part<HTMLSelectElement>("source");
  const seek = part<HTMLInputElement>("seek");
  const audioSrc = toolbar.dataset.audioSrc;
  // Which voice "Đọc bài viết" uses: the browser's, or the article's server-made recording.
  let source: "browser" | "audio" = "browser";

  const onStatus = (next: ReadAloudStatus) => {
    status = next;
    part("play-icon")?.setAttribute("d", next === "playing" ? ICON_PAUSE : ICON_PLAY);
    const label = part("play-label");
    if (label) label.textContent = PLAY_LABEL[next];
    setDisabled("play", next === "loading");
    setDisabled("stop", next === "idle");
  };

  const player =
    rateSelect && audioSrc
      ? createAudioPlayer({
          src: audioSrc,
          durationSeconds: Number(toolbar.dataset.audioDuration) || 0,
          onStatus,
          onTime: (current, duration) => {
            if (seek) {
              seek.max = String(Math.ceil(duration));
              if (document.activeElement !== seek) seek.value = String(current);
              seek.setAttribute("aria-valuetext", positionText(current, duration));
            }
            const time = part("time");
            if (time) time.textContent = remainingText(current, duration);
          },
          onProblem: () => showProblem(AUDIO_TEXT.failed),
        })
      : null;

  const readAloud = rateSelect
    ? createReadAloud({
        getRoot: () => toolbar.closest("[data-read-aloud-root]") ?? document.querySelector("[data-read-aloud-root]"),
        onStatus,
        onProblem: (problem) => {
          // No voice for the page, but a recording of it: play that instead, and say why.
          if (problem === "no-voice" && player) {
            switchSource("audio");
            showProblem(AUDIO_TEXT.switched);
            player.play();
          } else showProblem(PROBLEMS[problem]);
        },
      })
    : null;

  function showProblem(text: string) {
    const problem = part("problem");
    if (problem) problem.textContent = text;
  }

  function switchSource(next: "browser" | "audio") {
    if (!player || next === source) return;
    if (source === "audio") player.stop();
    else readAloud?.stop();
    source = next;
    if (sourceSelect) sourceSelect.value = next;
    const row = part("audio-player");
    if (row) row.hidden = next !== "audio";
  }

  // Chooses the recording up front where the browser has no Vietnamese voice, so the reader sees it before pressing play.
  if (player) {
    const synth = typeof window.speechSynthesis === "object" ? window.speechSynthesis : null;
    if (!synth) switchSource("audio");
    else
      void loadVoices(synth).then((voices) => {
        if (!pickVietnameseVoice(voices) && status === "idle") switchSource("audio");
      });
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
    player?.setRate(rate);
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
    else if (action === "stop") (source === "audio" ? player : readAloud)?.stop();
    else if (action === "play" && source === "audio" && player) {
      if (status === "playing") player.pause();
      else if (status !== "loading") {
        if (status === "idle") showProblem("");
        player.play();
      }
    } else if (action === "play" && readAloud) {
      if (status === "playing") readAloud.pause();
      else if (status === "paused") readAloud.resume();
      else if (status === "idle") {
        showProblem("");
        void readAloud.play();
      }
    }
  };
  const onRateChange = () => updatePrefs({ rate: Number(rateSelect?.value) });
  const onSourceChange = () => {
    showProblem("");
    switchSource(sourceSelect?.value === "audio" ? "audio" : "browser");
  };
  const onSeek = () => player?.seek(Number(seek?.value));

  toolbar.addEventListener("click", onClick);
  rateSelect?.addEventListener("change", onRateChange);
  sourceSelect?.addEventListener("change", onSourceChange);
  seek?.addEventListener("input", onSeek);
  const unsubscribe = subscribePrefs(render);
  render();
  // Lets tests (and CSS) know the buttons are live before clicking them.
  toolbar.dataset.ready = "true";

  return () => {
    toolbar.removeEventListener("click", onClick);
    rateSelect?.removeEventListener("change", onRateChange);
    sourceSelect?.removeEventListener("change", onSourceChange);
    seek?.removeEventListener("input", onSeek);
    unsubscribe();
    readAloud?.destroy();
    player?.destroy();
  };
}
