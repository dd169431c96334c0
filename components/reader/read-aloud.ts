// Read-aloud with the browser's speechSynthesis. Browser-only: the page script runs it
// (toolbar-behaviour.ts) from the reader's clicks.

import { splitSentences } from "@/lib/reader/sentences";

const BLOCK_SELECTOR = "h1, h2, h3, h4, p, li, figcaption, th, td, blockquote";
const SKIPPED_BLOCK = "[data-read-skip], [hidden], [aria-hidden='true']";
const SKIPPED_TEXT = "script, style, noscript, template, [data-read-skip], [aria-hidden='true']";
const HIGHLIGHT_NAME = "read-aloud";
const FALLBACK_CLASS = "is-reading";
// Chrome and Android fill the voice list late; past this we assume there is no voice.
const VOICE_TIMEOUT_MS = 1800;

export interface ReadableSentence {
  /** Whitespace-collapsed text, as spoken. */
  text: string;
  block: HTMLElement;
  nodes: Text[];
  /** Offsets into the concatenated data of `nodes`, for the highlight range. */
  start: number;
  end: number;
}

/** Innermost readable blocks in reading order, so nothing is read twice. */
export function collectBlocks(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)).filter(
    (el) => !el.closest(SKIPPED_BLOCK) && !el.querySelector(BLOCK_SELECTOR),
  );
}

/** The block's text nodes, and those that follow a line break (<br>), which separates words like a space. */
function textNodesOf(block: HTMLElement): { nodes: Text[]; afterBreak: Set<Text> } {
  const nodes: Text[] = [];
  const afterBreak = new Set<Text>();
  let sawBreak = false;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeName === "BR") sawBreak = true;
    else if (node.nodeType === Node.TEXT_NODE && !node.parentElement?.closest(SKIPPED_TEXT)) {
      nodes.push(node as Text);
      if (sawBreak) afterBreak.add(node as Text);
      sawBreak = false;
    }
  }
  return { nodes, afterBreak };
}

function sentencesOfBlock(block: HTMLElement): ReadableSentence[] {
  const { nodes, afterBreak } = textNodesOf(block);
  // Collapse whitespace as the page shows it, remembering where each character came
  // from so a sentence can be turned back into a DOM range.
  let text = "";
  const origin: number[] = [];
  let raw = 0;
  let pendingSpace = -1;
  for (const node of nodes) {
    if (afterBreak.has(node) && pendingSpace === -1 && text) pendingSpace = raw;
    for (const char of node.data) {
      if (/\s/.test(char)) {
        if (pendingSpace === -1 && text) pendingSpace = raw;
      } else {
        if (pendingSpace !== -1) {
          text += " ";
          origin.push(pendingSpace);
          pendingSpace = -1;
        }
        text += char;
        for (let i = 0; i < char.length; i++) origin.push(raw + i);
      }
      raw += char.length;
    }
  }
  const result: ReadableSentence[] = [];
  let cursor = 0;
  for (const sentence of splitSentences(text)) {
    const at = text.indexOf(sentence, cursor);
    if (at === -1) continue;
    cursor = at + sentence.length;
    result.push({
      text: sentence,
      block,
      nodes,
      start: origin[at] ?? 0,
      end: (origin[cursor - 1] ?? 0) + 1,
    });
  }
  return result;
}

export function collectSentences(root: Element): ReadableSentence[] {
  return collectBlocks(root).flatMap(sentencesOfBlock);
}

/** The page's language as read-aloud speaks it: the voice's language and the region preferred among them. */
export type SpeechLanguage = "vi" | "en";
const PREFERRED: Record<SpeechLanguage, string> = { vi: "vi-vn", en: "en-gb" };
export const UTTERANCE_LANG: Record<SpeechLanguage, string> = { vi: "vi-VN", en: "en-GB" };

/** A voice for the language, its preferred region first; Android reports some voices as "vi_VN". */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], language: SpeechLanguage): SpeechSynthesisVoice | null {
  const lang = (voice: SpeechSynthesisVoice) => voice.lang.replace("_", "-").toLowerCase();
  const matching = voices.filter((voice) => lang(voice).startsWith(language));
  return matching.find((voice) => lang(voice) === PREFERRED[language]) ?? matching[0] ?? null;
}

/** Prefer vi-VN. */
export const pickVietnameseVoice = (voices: readonly SpeechSynthesisVoice[]) => pickVoice(voices, "vi");

/** The voice list, waiting a little for browsers that fill it late. */
export function loadVoices(synth: SpeechSynthesis, language: SpeechLanguage = "vi"): Promise<readonly SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (pickVoice(now, language)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener("voiceschanged", onChange);
      resolve(synth.getVoices());
    };
    const onChange = () => {
      if (pickVoice(synth.getVoices(), language)) done();
    };
    const timer = setTimeout(done, VOICE_TIMEOUT_MS);
    synth.addEventListener("voiceschanged", onChange);
  });
}

/** The legacy "./." end mark would be read out as "slash". */
const spokenText = (text: string) => text.replace(/\/\.$/, "");

function rangeOf(sentence: ReadableSentence): Range | null {
  const locate = (offset: number, isEnd: boolean): [Text, number] | null => {
    let seen = 0;
    for (const node of sentence.nodes) {
      const length = node.data.length;
      if (offset < seen + length || (isEnd && offset === seen + length)) {
        return [node, offset - seen];
      }
      seen += length;
    }
    return null;
  };
  const start = locate(sentence.start, false);
  const end = locate(sentence.end, true);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  return range;
}

const supportsHighlights = () =>
  typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";

export type ReadAloudStatus = "idle" | "loading" | "playing" | "paused";
export type ReadAloudProblem = "no-voice" | "empty" | "failed";

export interface ReadAloudOptions {
  /** Looked up at play time: the article may not exist yet when the controller is made. */
  getRoot: () => Element | null;
  onStatus: (status: ReadAloudStatus) => void;
  onProblem: (problem: ReadAloudProblem) => void;
  /** The page's language (Vietnamese when not given). */
  language?: SpeechLanguage;
}

export interface ReadAloudController {
  play(): Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
  setRate(rate: number): void;
  destroy(): void;
}

export function createReadAloud(options: ReadAloudOptions): ReadAloudController {
  let status: ReadAloudStatus = "idle";
  let sentences: ReadableSentence[] = [];
  let index = 0;
  let rate = 1;
  let voice: SpeechSynthesisVoice | null = null;
  // Every cancel bumps the run, so events from cancelled utterances (Chrome sends
  // `end` for some, `error: interrupted` for others, late) cannot move the queue.
  let run = 0;
  // Chrome garbage-collects an unreferenced utterance and never fires its `end`.
  let current: SpeechSynthesisUtterance | null = null;
  let marked: HTMLElement | null = null;

  const synth = (): SpeechSynthesis | null =>
    typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : null;

  const setStatus = (next: ReadAloudStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus(next);
  };

  const clearHighlight = () => {
    if (supportsHighlights()) CSS.highlights.delete(HIGHLIGHT_NAME);
    marked?.classList.remove(FALLBACK_CLASS);
    marked = null;
  };

  const highlight = (sentence: ReadableSentence) => {
    clearHighlight();
    const range = rangeOf(sentence);
    if (range && supportsHighlights()) {
      CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
    } else {
      sentence.block.classList.add(FALLBACK_CLASS);
      marked = sentence.block;
    }
    const rect = (range ?? sentence.block).getBoundingClientRect();
    if (rect.height > 0 && (rect.top < 0 || rect.bottom > window.innerHeight)) {
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: reduce ? "instant" : "smooth" });
    }
  };

  const cancelSpeech = () => {
    run++;
    current = null;
    synth()?.cancel();
  };

  const finish = () => {
    cancelSpeech();
    clearHighlight();
    sentences = [];
    index = 0;
    setStatus("idle");
  };

  const speakFrom = (i: number, delay = 0) => {
    const engine = synth();
    const sentence = sentences[i];
    if (!engine || !sentence) {
      finish();
      return;
    }
    const token = ++run;
    index = i;
    const utterance = new SpeechSynthesisUtterance(spokenText(sentence.text));
    utterance.lang = UTTERANCE_LANG[options.language ?? "vi"];
    if (voice) utterance.voice = voice;
    utterance.rate = rate;
    utterance.onend = () => {
      if (token === run) speakFrom(i + 1);
    };
    utterance.onerror = (event) => {
      if (token !== run) return;
      // Not cancelled by us (the system or another tab took the voice): keep the place.
      if (event.error === "interrupted" || event.error === "canceled") {
        run++;
        setStatus("paused");
        return;
      }
      finish();
      options.onProblem("failed");
    };
    current = utterance;
    highlight(sentence);
    // Some engines drop an utterance queued in the same task as cancel().
    if (delay) {
      setTimeout(() => {
        if (token === run && current) engine.speak(current);
      }, delay);
    } else {
      engine.speak(utterance);
    }
  };

  const pause = () => {
    if (status !== "playing") return;
    cancelSpeech();
    setStatus("paused");
  };

  const resume = () => {
    if (status !== "paused") return;
    setStatus("playing");
    speakFrom(index);
  };

  const play = async () => {
    if (status === "paused") return resume();
    if (status !== "idle") return;
    const engine = synth();
    if (!engine || typeof SpeechSynthesisUtterance === "undefined") {
      options.onProblem("no-voice");
      return;
    }
    const token = ++run;
    setStatus("loading");
    const voices = await loadVoices(engine, options.language);
    if (token !== run) return;
    voice = pickVoice(voices, options.language ?? "vi");
    if (!voice) {
      setStatus("idle");
      options.onProblem("no-voice");
      return;
    }
    const root = options.getRoot();
    sentences = root ? collectSentences(root) : [];
    if (sentences.length === 0) {
      setStatus("idle");
      options.onProblem("empty");
      return;
    }
    // Speech left over from another page would be queued in front of ours.
    const busy = engine.speaking || engine.pending;
    if (busy) cancelSpeech();
    setStatus("playing");
    speakFrom(0, busy ? 50 : 0);
  };

  const stop = () => {
    if (status !== "idle") finish();
  };

  const setRate = (next: number) => {
    if (next === rate) return;
    rate = next;
    // Restart the current sentence so the new speed is heard at once.
    if (status === "playing") {
      cancelSpeech();
      speakFrom(index, 50);
    }
  };

  window.addEventListener("pagehide", stop);

  return {
    play,
    // Stop-and-remember instead of speechSynthesis.pause(), which Android ignores
    // and desktop Chrome sometimes never resumes.
    pause,
    resume,
    stop,
    setRate,
    destroy() {
      stop();
      window.removeEventListener("pagehide", stop);
    },
  };
}
