// @vitest-environment happy-dom
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReaderToolbar, type ReaderAudio, type ReaderAudioOffer } from "@/components/reader/ReaderToolbar";
import { runReaderToolbar } from "@/components/reader/toolbar-behaviour";
import { AUDIO_TEXT, clock, fileSize, positionText, remainingText, spokenDuration } from "@/components/reader/toolbar-text";

const AUDIO: ReaderAudio = { src: "/audio/bai-viet-abc123.mp3", durationSeconds: 365, bytes: 1_468_006 };

/** Stands in for the browser's <audio>: records what the player asks of it and answers with its events. */
class FakeAudio extends EventTarget {
  static made: FakeAudio[] = [];
  src = "";
  preload = "";
  currentTime = 0;
  duration = Number.NaN;
  playbackRate = 1;
  defaultPlaybackRate = 1;
  paused = true;
  ended = false;
  constructor() {
    super();
    FakeAudio.made.push(this);
  }
  play() {
    this.paused = false;
    queueMicrotask(() => {
      this.duration = 365.2;
      this.dispatchEvent(new Event("durationchange"));
      this.dispatchEvent(new Event("playing"));
    });
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
    this.dispatchEvent(new Event("pause"));
  }
  removeAttribute(name: string) {
    if (name === "src") this.src = "";
  }
}

type Voice = { lang: string; name: string };
function installSpeech(voices: Voice[] | null) {
  if (voices === null) {
    Reflect.deleteProperty(window, "speechSynthesis");
    return;
  }
  const synth = Object.assign(new EventTarget(), { getVoices: () => voices, speaking: false, pending: false, cancel() {}, speak() {} });
  Object.defineProperty(window, "speechSynthesis", { configurable: true, value: synth });
}

let stop: (() => void) | null = null;
function mount(audio?: ReaderAudio, audioOffer?: ReaderAudioOffer) {
  document.body.innerHTML = `<article data-read-aloud-root>${renderToStaticMarkup(createElement(ReaderToolbar, { audio, audioOffer }))}<h1>Tiêu đề</h1><p>Nội dung.</p></article>`;
  const toolbar = document.querySelector<HTMLElement>("[data-reader-toolbar]")!;
  stop = runReaderToolbar(toolbar);
  const q = <T extends Element = HTMLElement>(name: string) => toolbar.querySelector<T>(`[data-reader="${name}"]`);
  return {
    toolbar,
    playLabel: () => q("play-label")?.textContent,
    click: (name: string) => q<HTMLButtonElement>(name)!.click(),
    source: q<HTMLSelectElement>("source"),
    rate: q<HTMLSelectElement>("rate")!,
    seek: q<HTMLInputElement>("seek"),
    row: q("audio-player"),
    time: () => q("time")?.textContent,
    problem: () => q("problem")?.textContent,
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  FakeAudio.made = [];
  vi.stubGlobal("Audio", FakeAudio);
  localStorage.clear();
});
afterEach(() => {
  stop?.();
  stop = null;
  vi.unstubAllGlobals();
  installSpeech(null);
});

describe("the reader toolbar's recording", () => {
  it("is not there when the page has none: the toolbar is as before", () => {
    const html = renderToStaticMarkup(createElement(ReaderToolbar, {}));
    expect(html).not.toContain("data-audio-src");
    expect(html).not.toContain("reader-source");
    expect(html).not.toContain("<audio");
  });

  it("without JavaScript: a plain audio player and a download link, outside the hidden toolbar", () => {
    document.body.innerHTML = renderToStaticMarkup(createElement(ReaderToolbar, { audio: AUDIO }));
    const fallback = document.querySelector(".reader-audio-fallback")!;
    expect(fallback.closest("[data-reader-toolbar]")).toBeNull();
    expect(fallback.hasAttribute("data-read-skip")).toBe(true);
    const audio = fallback.querySelector("audio")!;
    expect([audio.hasAttribute("controls"), audio.getAttribute("preload"), audio.getAttribute("src")]).toEqual([true, "none", AUDIO.src]);
    expect(document.getElementById(audio.getAttribute("aria-labelledby")!)?.textContent).toBe("Nghe bài viết (6 phút 5 giây)");
    const link = fallback.querySelector("a[download]")!;
    expect([link.getAttribute("href"), link.textContent]).toEqual([AUDIO.src, "Tải bản ghi âm (MP3, 1,5 MB, 6:05)"]);
  });

  it("plays the recording where the browser has no speech at all: play, pause, seek, speed, time left, stop", async () => {
    installSpeech(null);
    const t = mount(AUDIO);
    expect(t.source?.value).toBe("audio");
    expect(t.row?.hidden).toBe(false);
    expect(t.time()).toBe("Còn 6:05");
    expect(FakeAudio.made).toHaveLength(0); // nothing downloaded before the reader asks

    t.click("play");
    await settle();
    const [audio] = FakeAudio.made;
    expect(audio?.src).toBe(AUDIO.src);
    expect(audio?.paused).toBe(false);
    expect(t.playLabel()).toBe("Tạm dừng");

    t.click("play");
    expect(audio?.paused).toBe(true);
    expect(t.playLabel()).toBe("Tiếp tục");

    t.seek!.value = "120";
    t.seek!.dispatchEvent(new Event("input"));
    expect(audio?.currentTime).toBe(120);
    expect(t.seek!.getAttribute("aria-valuetext")).toBe("2 phút trên 6 phút 5 giây");
    expect(t.time()).toBe("Còn 4:05");

    t.rate.value = "1.25";
    t.rate.dispatchEvent(new Event("change"));
    expect([audio?.playbackRate, audio?.defaultPlaybackRate]).toEqual([1.25, 1.25]);

    t.click("play");
    await settle();
    expect(audio?.paused).toBe(false);
    t.click("stop");
    expect([audio?.paused, audio?.currentTime, t.playLabel()]).toEqual([true, 0, "Đọc bài viết"]);
  });

  it("keeps the browser voice where there is a Vietnamese one, and lets the reader choose the recording", async () => {
    installSpeech([{ lang: "vi-VN", name: "Tiếng Việt" }]);
    const t = mount(AUDIO);
    await settle();
    expect(t.source?.value).toBe("browser");
    expect(t.row?.hidden).toBe(true);

    t.source!.value = "audio";
    t.source!.dispatchEvent(new Event("change"));
    expect(t.row?.hidden).toBe(false);
    t.click("play");
    await settle();
    expect(FakeAudio.made[0]?.paused).toBe(false);

    t.source!.value = "browser";
    t.source!.dispatchEvent(new Event("change"));
    expect([FakeAudio.made[0]?.paused, t.row?.hidden, t.playLabel()]).toEqual([true, true, "Đọc bài viết"]);
  });

  it("switches to the recording, and says why, when the browser voice cannot read the page on play", async () => {
    installSpeech([{ lang: "en-US", name: "English" }]);
    const t = mount(AUDIO);
    t.click("play");
    await vi.waitFor(() => expect(FakeAudio.made[0]?.paused).toBe(false), { timeout: 4000 });
    expect(t.source?.value).toBe("audio");
    expect(t.problem()).toBe(AUDIO_TEXT.switched);
    expect(t.row?.hidden).toBe(false);
  });

  it("says so when the recording cannot be played", async () => {
    installSpeech(null);
    const t = mount(AUDIO);
    t.click("play");
    await settle();
    FakeAudio.made[0]!.dispatchEvent(new Event("error"));
    expect([t.problem(), t.playLabel()]).toEqual([AUDIO_TEXT.failed, "Đọc bài viết"]);
  });
});

describe("the recording of an archive article, made on request", () => {
  const OFFER: ReaderAudioOffer = { requestUrl: "/api/audio/42/vi", preparing: false };
  /** Answers the player's requests in turn with the given replies (the last one repeated). */
  function serverAnswers(...replies: object[]) {
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const reply = replies[Math.min(calls.length - 1, replies.length - 1)]!;
      return new Response(JSON.stringify(reply), { status: "state" in reply && reply.state === "preparing" ? 202 : 200, headers: { "content-type": "application/json" } });
    });
    return calls;
  }

  it("without JavaScript: a button that asks for it, or a line saying it is being prepared", () => {
    document.body.innerHTML = renderToStaticMarkup(createElement(ReaderToolbar, { audioOffer: OFFER }));
    const form = document.querySelector(".reader-audio-fallback form")!;
    expect([form.getAttribute("method"), form.getAttribute("action")]).toEqual(["post", OFFER.requestUrl]);
    expect(form.querySelector("button")?.textContent).toBe("Tạo bản ghi âm");
    expect(form.closest("[data-read-skip]")).not.toBeNull();
    document.body.innerHTML = renderToStaticMarkup(createElement(ReaderToolbar, { audioOffer: { ...OFFER, preparing: true } }));
    expect(document.querySelector(".reader-audio-fallback form")).toBeNull();
    expect(document.querySelector(".reader-audio-fallback")?.textContent).toBe(AUDIO_TEXT.preparingNoScript);
    expect(document.querySelector("audio")).toBeNull();
  });

  it("with no voice: asks for it, says it is being prepared, then plays it at the chosen speed with its length and link", async () => {
    installSpeech(null);
    const calls = serverAnswers({ state: "preparing" }, { state: "ready", src: AUDIO.src, durationSeconds: 365, bytes: 1_468_006 });
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const t = mount(undefined, OFFER);
      expect(t.source?.value).toBe("audio");
      expect(FakeAudio.made).toHaveLength(0);
      t.rate.value = "1.5";
      t.rate.dispatchEvent(new Event("change"));
      t.click("play");
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      expect([calls[0]!.url, calls[0]!.init?.method]).toEqual([OFFER.requestUrl, "POST"]);
      await vi.waitFor(() => expect(t.problem()).toBe(AUDIO_TEXT.preparing));
      expect(t.toolbar.querySelector('[data-reader="play"]')?.getAttribute("aria-disabled")).toBe("true");
      await vi.advanceTimersByTimeAsync(3000);
      await vi.waitFor(() => expect(FakeAudio.made).toHaveLength(1));
      const [audio] = FakeAudio.made;
      expect([audio?.src, audio?.playbackRate, audio?.paused]).toEqual([AUDIO.src, 1.5, false]);
      expect(t.problem()).toBe("");
      const link = t.toolbar.querySelector<HTMLAnchorElement>('[data-reader="download"]')!;
      expect([link.getAttribute("href"), link.textContent]).toEqual([AUDIO.src, "Tải bản ghi âm (MP3, 1,5 MB)"]);
      // The file's own length (365.2 s), once it loaded, wins over the one the server said.
      expect([t.seek?.max, t.time()]).toEqual(["366", "Còn 6:05"]);
      await vi.waitFor(() => expect(t.playLabel()).toBe("Tạm dừng"));
    } finally {
      vi.useRealTimers();
    }
  });

  it("says so when the server is busy, and stops asking when the reader stops", async () => {
    installSpeech(null);
    serverAnswers({ state: "busy", error: "…" });
    const t = mount(undefined, OFFER);
    t.click("play");
    await vi.waitFor(() => expect(t.problem()).toBe(AUDIO_TEXT.busy));
    expect(t.playLabel()).toBe("Đọc bài viết");

    const calls = serverAnswers({ state: "preparing" });
    t.click("play");
    await vi.waitFor(() => expect(t.problem()).toBe(AUDIO_TEXT.preparing));
    t.click("stop");
    expect([t.problem(), t.playLabel()]).toEqual(["", "Đọc bài viết"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(1);
    expect(FakeAudio.made).toHaveLength(0);
  });

  it("keeps the browser voice where there is a Vietnamese one, and asks for nothing", async () => {
    installSpeech([{ lang: "vi-VN", name: "Tiếng Việt" }]);
    const calls = serverAnswers({ state: "preparing" });
    const t = mount(undefined, OFFER);
    await settle();
    expect([t.source?.value, t.row?.hidden]).toEqual(["browser", true]);
    expect(calls).toEqual([]);
  });
});

describe("time and size words", () => {
  it("say times and sizes the Vietnamese way", () => {
    expect([clock(0), clock(65), clock(365.4), clock(3600)]).toEqual(["0:00", "1:05", "6:05", "60:00"]);
    expect([spokenDuration(5), spokenDuration(60), spokenDuration(365)]).toEqual(["5 giây", "1 phút", "6 phút 5 giây"]);
    expect(positionText(130, 365)).toBe("2 phút 10 giây trên 6 phút 5 giây");
    expect(remainingText(300, 365)).toBe("Còn 1:05");
    expect([fileSize(1_468_006), fileSize(100_833), fileSize(200)]).toEqual(["1,5 MB", "101 kB", "1 kB"]);
  });
});
