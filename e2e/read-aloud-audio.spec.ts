import { expect, test, type Page } from "@playwright/test";
import { archiveArticle, expectPageOffersRecording, playing, recordingOf, unpublish, watchAudio } from "./fixtures/audio";
import { expectNoAxeViolations } from "./fixtures/axe";
import { withFreshIp } from "./fixtures/ip";
import { button, open, toolbarOf } from "./fixtures/reader";
import { getSpoken, installSpeechDouble } from "./fixtures/speech-double";

// Server-made read-aloud audio on the article page (issue 16): archive articles get their recording
// when a reader first asks for it; the player plays it where the browser has no Vietnamese voice.

const NO_VIETNAMESE_VOICE = [{ lang: "en-US", name: "Google US English" }];
const source = (page: Page) => toolbarOf(page).getByRole("combobox", { name: "Giọng đọc" });

test.describe("the recording of an article", () => {
  test("without a Vietnamese voice: asked for, said to be prepared, then played; it seeks, keeps its speed and is offered at once next time", async ({ page }) => {
    await withFreshIp(page.context());
    const article = await archiveArticle();
    try {
      await installSpeechDouble(page, { voices: NO_VIETNAMESE_VOICE });
      await watchAudio(page);
      const toolbar = await open(page, `/tin-tuc/${article.slug}`);
      await expect(source(page)).toHaveValue("audio");
      await toolbar.getByRole("combobox", { name: "Tốc độ đọc" }).selectOption("1.5");

      await button(page, "Đọc bài viết").click();
      await expect(toolbar.getByRole("status").filter({ hasText: "Đang chuẩn bị bản ghi âm của bài viết" })).toBeVisible();
      await expect(button(page, "Tạm dừng")).toBeVisible({ timeout: 30_000 });
      await expect.poll(async () => (await playing(page))?.currentTime ?? 0, { timeout: 10_000 }).toBeGreaterThan(0.2);
      const started = (await playing(page))!;
      expect(started).toMatchObject({ src: expect.stringMatching(/^\/audio\/[0-9a-f]{32}\.mp3$/), playbackRate: 1.5, paused: false });
      expect(await getSpoken(page)).toEqual([]);

      // The slider seeks (the server answers byte ranges), and the speed stays.
      const seek = toolbar.getByRole("slider", { name: "Vị trí đang nghe" });
      await seek.fill("10");
      await expect.poll(async () => (await playing(page))!.currentTime).toBeGreaterThanOrEqual(10);
      await expect(seek).toHaveAttribute("aria-valuetext", /^1\d giây trên /);
      expect((await playing(page))!.playbackRate).toBe(1.5);
      await expect(toolbar.locator('[data-reader="time"]')).toHaveText(/^Còn \d+:\d{2}$/);

      await button(page, "Tạm dừng").click();
      await expect(button(page, "Tiếp tục")).toBeVisible();
      expect((await playing(page))!.paused).toBe(true);
      await expect(toolbar.getByRole("link", { name: /^Tải bản ghi âm \(MP3, \d+ kB\)$/ })).toHaveAttribute("href", started.src);

      // The job refreshed the article's page: the next reader gets the player with the page.
      await expectPageOffersRecording(page, article.slug);
      await expect(page.locator("[data-reader-toolbar]")).toHaveAttribute("data-audio-src", started.src);
    } finally {
      article.remove();
    }
  });

  test("with a Vietnamese voice: the browser voice reads as before, nothing is asked of the server, the recording is the other choice", async ({ page }) => {
    await withFreshIp(page.context());
    const article = await archiveArticle();
    try {
      const asked: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes("/api/audio/")) asked.push(request.url());
      });
      await installSpeechDouble(page);
      const toolbar = await open(page, `/tin-tuc/${article.slug}`);
      await expect(source(page)).toHaveValue("browser");
      await expect(toolbar.locator('[data-reader="audio-player"]')).toBeHidden();

      await button(page, "Đọc bài viết").click();
      await expect.poll(async () => (await getSpoken(page)).at(-1)?.text, { timeout: 15_000 }).toBe("Văn phòng Cục");
      expect((await getSpoken(page))[0]).toMatchObject({ text: article.title, lang: "vi-VN", voiceLang: "vi-VN" });
      expect(asked).toEqual([]);

      await source(page).selectOption("audio");
      await expect(toolbar.locator('[data-reader="audio-player"]')).toBeVisible();
      expect(asked).toEqual([]);
    } finally {
      article.remove();
    }
  });

  test("its address: the whole file, byte ranges (206), past the end (416), HEAD, exact type, nosniff, immutable; 404 once the post leaves the site", async ({ request, baseURL }) => {
    const article = await archiveArticle();
    try {
      const made = await recordingOf(request, baseURL!, article.id);
      const whole = await request.get(made.src);
      expect(whole.status()).toBe(200);
      expect(whole.headers()).toMatchObject({
        "content-type": "audio/mpeg",
        "x-content-type-options": "nosniff",
        "cache-control": "public, max-age=31536000, immutable",
        "accept-ranges": "bytes",
        "content-length": String(made.bytes),
      });
      const body = await whole.body();
      expect(body.length).toBe(made.bytes);
      expect([body[0], (body[1] ?? 0) & 0xe0]).toEqual([0xff, 0xe0]); // an MP3 frame header

      const part = await request.get(made.src, { headers: { range: "bytes=100-1099" } });
      expect([part.status(), part.headers()["content-range"], part.headers()["content-length"]]).toEqual([206, `bytes 100-1099/${made.bytes}`, "1000"]);
      expect((await part.body()).equals(body.subarray(100, 1100))).toBe(true);
      const tail = await request.get(made.src, { headers: { range: "bytes=-100" } });
      expect([tail.status(), (await tail.body()).equals(body.subarray(made.bytes - 100))]).toEqual([206, true]);

      const past = await request.get(made.src, { headers: { range: `bytes=${made.bytes}-` } });
      expect([past.status(), past.headers()["content-range"]]).toEqual([416, `bytes */${made.bytes}`]);

      const head = await request.head(made.src);
      expect([head.status(), head.headers()["content-length"], head.headers()["content-type"], (await head.body()).length]).toEqual([200, String(made.bytes), "audio/mpeg", 0]);

      unpublish(article.slug);
      const gone = await request.get(made.src);
      expect([gone.status(), gone.headers()["x-content-type-options"]]).toEqual([404, "nosniff"]);
      expect((await request.head(made.src)).status()).toBe(404);
      expect((await request.post(`/api/audio/${article.id}/vi`, { headers: { origin: baseURL!, accept: "application/json" } })).status()).toBe(404);
    } finally {
      article.remove();
    }
  });

  test("with JavaScript off: a button asks for the recording, the page says it is being prepared, then a plain player and a download link", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await withFreshIp(context);
    const page = await context.newPage();
    const article = await archiveArticle();
    try {
      await page.goto(`/tin-tuc/${article.slug}`);
      await expect(toolbarOf(page)).toBeHidden();
      await page.getByRole("button", { name: "Tạo bản ghi âm" }).click();
      await expect(page).toHaveURL(new RegExp(`/tin-tuc/${article.slug}#ban-ghi-am$`));

      await expect(async () => {
        await page.goto(`/tin-tuc/${article.slug}`);
        await expect(page.locator(".reader-audio-fallback audio")).toBeVisible({ timeout: 500 });
      }).toPass({ timeout: 30_000 });
      const player = page.locator(".reader-audio-fallback audio");
      await expect(player).toHaveAttribute("controls", "");
      await expect(page.locator(".reader-audio-fallback")).toContainText(/^Nghe bài viết \(\d+ giây\)/);
      const link = page.getByRole("link", { name: /^Tải bản ghi âm \(MP3, \d+ kB, \d+:\d{2}\)$/ });
      const src = await player.getAttribute("src");
      await expect(link).toHaveAttribute("href", src!);
      const file = await page.request.get(src!);
      expect([file.status(), file.headers()["content-type"]]).toEqual([200, "audio/mpeg"]);
    } finally {
      article.remove();
      await context.close();
    }
  });

  test("axe finds no violations on the player in normal, high-contrast and 200 % text modes", async ({ browser, request, baseURL }) => {
    const article = await archiveArticle();
    try {
      await recordingOf(request, baseURL!, article.id);
      const modes: Record<string, object | null> = { normal: null, "high contrast": { fontSize: 100, contrast: "high" }, "200 % text": { fontSize: 200 } };
      for (const [mode, prefs] of Object.entries(modes)) {
        const context = await browser.newContext();
        await withFreshIp(context);
        const page = await context.newPage();
        if (prefs) await page.addInitScript((value) => localStorage.setItem("reader-prefs", value), JSON.stringify(prefs));
        await installSpeechDouble(page, { voices: NO_VIETNAMESE_VOICE });
        await expectPageOffersRecording(page, article.slug);
        await expect(toolbarOf(page)).toHaveAttribute("data-ready", "true");
        await expect(toolbarOf(page).locator('[data-reader="audio-player"]'), mode).toBeVisible();
        await expectNoAxeViolations(page);
        await context.close();
      }
    } finally {
      article.remove();
    }
  });
});
