import { DEFAULT_FONT_SIZE, DEFAULT_RATE, FONT_STEPS, nextFontSize } from "@/lib/reader/preferences";
import { getPrefs, isHighContrast, subscribePrefs, updatePrefs } from "./prefs-store";
import { createAudioPlayer, type AudioPlayerController } from "./audio-player";
import { readerWordsOfPage } from "@/lib/i18n/reader-words";
import { createReadAloud, loadVoices, pickVoice, type ReadAloudStatus } from "./read-aloud";
import { ICON_PAUSE, ICON_PLAY } from "./toolbar-text";

const SMALLEST = Math.min(...FONT_STEPS);
const LARGEST = Math.max(...FONT_STEPS);
// A recording asked for (an archive article): asked again every 3 s while it is made, for at most 3 minutes.
const PREPARE_POLL_MS = 3_000;
const PREPARE_TIMEOUT_MS = 180_000;

type Recording = { src: string; durationSeconds: number; bytes: number };
type RecordingReply = { state?: string } & Partial<Recording>;

/**
 * Runs one reader toolbar written by ReaderToolbar.tsx: text size, contrast and read-aloud.
 * Returns what stops it (speech included) when the toolbar leaves the page.
 */
export function runReaderToolbar(toolbar: HTMLElement): () => void {
  const part = <T extends Element = HTMLElement>(name: string) => toolbar.querySelector<T>(`[data-reader="${name}"]`);
  const setDisabled = (name: string, disabled: boolean) => part(name)?.setAttribute("aria-disabled", String(disabled));
  // The page's language: its words, and the voice read-aloud asks the browser for.
  const words = readerWordsOfPage();
  const { audio: AUDIO_TEXT, play: PLAY_LABEL, problems: PROBLEMS, downloadLabel, positionText, remainingText, sizeMessage } = words;
  const language = document.documentElement.lang.startsWith("en") ? "en" : "vi";

  let status: ReadAloudStatus = "idle";
  const rateSelect = part<HTMLSelectElement>("rate");
  const sourceSelect = part<HTMLSelectElement>("source");
  const seek = part<HTMLInputElement>("seek");
  const requestUrl = toolbar.dataset.audioRequest;
  // Whether the article has a recording, made (data-audio-src) or to be made on request (data-audio-request).
  const hasRecording = Boolean(rateSelect && (toolbar.dataset.audioSrc || requestUrl));
  // Which voice "Đọc bài viết" uses: the browser's, or the article's server-made recording.
  let source: "browser" | "audio" = "browser";
  // Set while the recording is asked for and made; `cancelled` when the reader stops or switches meanwhile.
  let preparing: { cancelled: boolean } | null = null;
  let switchedForNoVoice = false;

  const onStatus = (next: ReadAloudStatus) => {
    status = next;
    part("play-icon")?.setAttribute("d", next === "playing" ? ICON_PAUSE : ICON_PLAY);
    const label = part("play-label");
    if (label) label.textContent = PLAY_LABEL[next];
    setDisabled("play", next === "loading");
    setDisabled("stop", next === "idle");
  };

  const makePlayer = (src: string, durationSeconds: number): AudioPlayerController =>
    createAudioPlayer({
      src,
      durationSeconds,
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
    });

  let player: AudioPlayerController | null = rateSelect && toolbar.dataset.audioSrc ? makePlayer(toolbar.dataset.audioSrc, Number(toolbar.dataset.audioDuration) || 0) : null;

  /** The recording is made: the player's row shows its length and link, and it plays from now on. */
  function adoptRecording(recording: Recording): AudioPlayerController {
    toolbar.dataset.audioSrc = recording.src;
    const made = makePlayer(recording.src, recording.durationSeconds);
    made.setRate(getPrefs().rate ?? DEFAULT_RATE);
    const link = part<HTMLAnchorElement>("download");
    if (link) {
      link.href = recording.src;
      link.textContent = downloadLabel(recording.bytes);
    }
    if (seek) seek.max = String(Math.ceil(recording.durationSeconds));
    const time = part("time");
    if (time) time.textContent = remainingText(0, recording.durationSeconds);
    return made;
  }

  /** Asks the server for the recording, says it is being prepared, and plays it once made (unless the reader moved on). */
  async function prepareRecording(url: string): Promise<void> {
    const attempt = { cancelled: false };
    preparing = attempt;
    onStatus("loading");
    showProblem(AUDIO_TEXT.preparing);
    const give = (text: string) => {
      preparing = null;
      onStatus("idle");
      showProblem(text);
    };
    const deadline = Date.now() + PREPARE_TIMEOUT_MS;
    try {
      for (;;) {
        const response = await fetch(url, { method: "POST", headers: { accept: "application/json" } });
        const reply = (await response.json()) as RecordingReply;
        if (attempt.cancelled) return;
        if (reply.state === "ready" && reply.src) {
          preparing = null;
          player = adoptRecording({ src: reply.src, durationSeconds: Number(reply.durationSeconds) || 0, bytes: Number(reply.bytes) || 0 });
          showProblem(switchedForNoVoice ? AUDIO_TEXT.switched : "");
          player.play();
          return;
        }
        if (reply.state !== "preparing" || Date.now() > deadline) return give(reply.state === "busy" ? AUDIO_TEXT.busy : AUDIO_TEXT.unavailable);
        await new Promise((resolve) => setTimeout(resolve, PREPARE_POLL_MS));
        if (attempt.cancelled) return;
      }
    } catch {
      if (!attempt.cancelled) give(AUDIO_TEXT.unavailable);
    }
  }

  function cancelPreparing() {
    if (!preparing) return;
    preparing.cancelled = true;
    preparing = null;
    onStatus("idle");
    showProblem("");
  }

  /** "Đọc bài viết" with the recording: play it, or ask for it first. */
  function playRecording() {
    if (player) {
      if (status === "idle" && !switchedForNoVoice) showProblem("");
      player.play();
    } else if (requestUrl && !preparing) void prepareRecording(requestUrl);
  }

  const readAloud = rateSelect
    ? createReadAloud({
        language,
        getRoot: () => toolbar.closest("[data-read-aloud-root]") ?? document.querySelector("[data-read-aloud-root]"),
        onStatus,
        onProblem: (problem) => {
          // No voice for the page, but a recording of it: play that instead, and say why.
          if (problem === "no-voice" && hasRecording) {
            switchSource("audio");
            switchedForNoVoice = true;
            showProblem(AUDIO_TEXT.switched);
            playRecording();
          } else showProblem(PROBLEMS[problem]);
        },
      })
    : null;

  function showProblem(text: string) {
    const problem = part("problem");
    if (problem) problem.textContent = text;
  }

  function switchSource(next: "browser" | "audio") {
    if (!hasRecording || next === source) return;
    if (source === "audio") {
      cancelPreparing();
      player?.stop();
    } else readAloud?.stop();
    source = next;
    if (sourceSelect) sourceSelect.value = next;
    const row = part("audio-player");
    if (row) row.hidden = next !== "audio";
  }

  // Chooses the recording up front where the browser has no Vietnamese voice, so the reader sees it before pressing play.
  if (hasRecording) {
    const synth = typeof window.speechSynthesis === "object" ? window.speechSynthesis : null;
    if (!synth) switchSource("audio");
    else
      void loadVoices(synth, language).then((voices) => {
        if (!pickVoice(voices, language) && status === "idle") switchSource("audio");
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
    if (message) message.textContent = sizeMessage(words.decimal(next));
  };

  const onClick = (event: MouseEvent) => {
    const action = (event.target as Element).closest("button[data-reader]")?.getAttribute("data-reader");
    if (action === "smaller") changeSize(-1);
    else if (action === "default") changeSize(0);
    else if (action === "larger") changeSize(1);
    else if (action === "contrast") updatePrefs({ contrast: isHighContrast(getPrefs()) ? "normal" : "high" });
    else if (action === "stop" && source === "audio") {
      cancelPreparing();
      player?.stop();
    } else if (action === "stop") readAloud?.stop();
    else if (action === "play" && source === "audio") {
      if (status === "playing") player?.pause();
      else if (status !== "loading") playRecording();
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
    cancelPreparing();
    readAloud?.destroy();
    player?.destroy();
  };
}
