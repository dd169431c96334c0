// The server-made recording of an article, played in the browser: the other source of "Đọc bài
// viết" where the browser has no voice for the page's language, or where the reader chooses it.
// Browser-only; the page script runs it (toolbar-behaviour.ts) with the same buttons as the voice.

import type { ReadAloudStatus } from "./read-aloud";

export interface AudioPlayerOptions {
  src: string;
  /** Known from the server, so the slider and the time left are right before the file loads. */
  durationSeconds: number;
  onStatus: (status: ReadAloudStatus) => void;
  onTime: (currentSeconds: number, durationSeconds: number) => void;
  onProblem: () => void;
}

export interface AudioPlayerController {
  play(): void;
  pause(): void;
  stop(): void;
  seek(seconds: number): void;
  setRate(rate: number): void;
  destroy(): void;
}

export function createAudioPlayer(options: AudioPlayerOptions): AudioPlayerController {
  let status: ReadAloudStatus = "idle";
  let rate = 1;
  let audio: HTMLAudioElement | null = null;

  const setStatus = (next: ReadAloudStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus(next);
  };
  const duration = () => (audio && Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : options.durationSeconds);
  const tell = () => options.onTime(audio?.currentTime ?? 0, duration());

  // Made on first use: nothing is downloaded for a reader who never asks for it.
  const element = (): HTMLAudioElement => {
    if (audio) return audio;
    const made = new Audio();
    made.preload = "metadata";
    made.src = options.src;
    made.defaultPlaybackRate = made.playbackRate = rate;
    made.addEventListener("playing", () => setStatus("playing"));
    made.addEventListener("pause", () => {
      if (status !== "idle" && !made.ended) setStatus("paused");
    });
    made.addEventListener("ended", () => {
      made.currentTime = 0;
      setStatus("idle");
      tell();
    });
    made.addEventListener("timeupdate", tell);
    made.addEventListener("durationchange", tell);
    made.addEventListener("error", () => {
      setStatus("idle");
      options.onProblem();
    });
    audio = made;
    return made;
  };

  const play = () => {
    const media = element();
    if (status === "idle") setStatus("loading");
    media.play().catch((error: unknown) => {
      // A pause() or a new src before the play started rejects with AbortError: not a failure.
      if (error instanceof DOMException && error.name === "AbortError") return;
      setStatus("idle");
      options.onProblem();
    });
  };

  const pause = () => {
    if (audio && status !== "idle") {
      audio.pause();
      setStatus("paused");
    }
  };

  const stop = () => {
    if (!audio) return;
    setStatus("idle");
    audio.pause();
    audio.currentTime = 0;
    tell();
  };

  const onPageHide = () => pause();
  window.addEventListener("pagehide", onPageHide);

  return {
    play,
    pause,
    stop,
    seek(seconds: number) {
      const media = element();
      media.currentTime = Math.min(Math.max(0, seconds), duration());
      tell();
    },
    setRate(next: number) {
      rate = next;
      if (audio) audio.defaultPlaybackRate = audio.playbackRate = next;
    },
    destroy() {
      stop();
      window.removeEventListener("pagehide", onPageHide);
      audio?.removeAttribute("src");
      audio = null;
    },
  };
}
