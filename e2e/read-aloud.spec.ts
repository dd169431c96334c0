import { expect, test, type Page } from "@playwright/test";
import { splitSentences } from "../lib/reader/sentences";
import { ARTICLE, button, NO_VOICE, open, toolbarOf } from "./fixtures/reader";
import {
  currentUtterance,
  finishCurrentUtterance,
  getSpoken,
  installSpeechDouble,
} from "./fixtures/speech-double";

/**
 * The sentences the reader should speak first: the title, the lead, then the next
 * readable block (a featured-image caption or the first body paragraph).
 */
async function expectedOpening(page: Page): Promise<string[]> {
  const blocks = await page.evaluate(() => {
    const selector = "h1, h2, h3, h4, p, li, figcaption, th, td, blockquote";
    const root = document.querySelector("[data-read-aloud-root]");
    return Array.from(root?.querySelectorAll(selector) ?? [])
      .filter((el) => !el.closest("[data-read-skip], [hidden]") && !el.querySelector(selector))
      .map((el) => ({
        tag: el.tagName,
        lead: el.classList.contains("lead"),
        text: (el.textContent ?? "").replace(/\s+/g, " ").trim(),
      }))
      .filter((block) => block.text)
      .slice(0, 3);
  });
  expect(blocks[0]?.tag).toBe("H1");
  expect(blocks[1]?.lead).toBe(true);
  const spoken = (sentence: string) => sentence.replace(/\/\.$/, "");
  return blocks.flatMap((block) => splitSentences(block.text)).map(spoken);
}

test.describe("read aloud", () => {
  test("reads the title, the lead, then the body in order with a Vietnamese voice", async ({ page }) => {
    await installSpeechDouble(page);
    await open(page, ARTICLE);
    const opening = await expectedOpening(page);
    const source = (await page.locator("[data-read-aloud-root] .source").innerText()).trim();

    await button(page, "Đọc bài viết").click();
    // The double ends each sentence after 30 ms; the whole article takes about a second.
    await expect
      .poll(async () => (await getSpoken(page)).at(-1)?.text, { timeout: 15_000 })
      .toBe(source);
    await expect(button(page, "Đọc bài viết")).toBeVisible();

    const spoken = await getSpoken(page);
    expect(spoken.slice(0, opening.length).map((entry) => entry.text)).toEqual(opening);
    for (const entry of spoken) {
      expect(entry.lang).toBe("vi-VN");
      expect(entry.voiceLang).toBe("vi-VN");
      expect(entry.text.trim()).not.toBe("");
    }
    const all = spoken.map((entry) => entry.text).join(" ");
    expect(all).not.toContain("Xem với cỡ chữ");
    expect(all).not.toContain("Tương phản");
    expect(all).not.toMatch(/\d{2}\/\d{2}\/\d{4} \| \d{2}:\d{2}/);
    expect(new Set(spoken.map((entry) => entry.text)).size).toBeGreaterThan(opening.length);
    expect(await page.evaluate(() => document.querySelectorAll(".is-reading").length)).toBe(0);
  });

  test("highlights the sentence being read, pauses and resumes at the same sentence, stops", async ({ page }) => {
    await installSpeechDouble(page, { autoEnd: false });
    await open(page, ARTICLE);
    const opening = await expectedOpening(page);

    await button(page, "Đọc bài viết").click();
    await expect.poll(() => currentUtterance(page)).toBe(opening[0]);
    await finishCurrentUtterance(page);
    await expect.poll(() => currentUtterance(page)).toBe(opening[1]);
    const highlighted = () =>
      page.evaluate(() => {
        const highlight = CSS.highlights.get("read-aloud");
        const range = highlight ? (Array.from(highlight)[0] as Range | undefined) : undefined;
        return range ? range.toString().replace(/\s+/g, " ").trim() : null;
      });
    await expect.poll(highlighted).toBe(opening[1]);

    await button(page, "Tạm dừng").click();
    await expect(button(page, "Tiếp tục")).toBeVisible();
    await expect.poll(() => currentUtterance(page)).toBeNull();
    expect((await getSpoken(page)).length).toBe(2);

    await button(page, "Tiếp tục").click();
    await expect(button(page, "Tạm dừng")).toBeVisible();
    await expect.poll(async () => (await getSpoken(page)).map((entry) => entry.text)).toEqual([
      opening[0],
      opening[1],
      opening[1],
    ]);
    await finishCurrentUtterance(page);
    await expect.poll(() => currentUtterance(page)).toBe(opening[2]);

    await button(page, "Dừng").click();
    await expect(button(page, "Đọc bài viết")).toBeVisible();
    await expect(button(page, "Dừng")).toHaveAttribute("aria-disabled", "true");
    await expect.poll(() => currentUtterance(page)).toBeNull();
    expect(await highlighted()).toBeNull();
    const count = (await getSpoken(page)).length;
    await page.waitForTimeout(200);
    expect((await getSpoken(page)).length).toBe(count);
  });

  test("a cancelled utterance that reports `end` does not skip ahead", async ({ page }) => {
    await installSpeechDouble(page, { autoEnd: false, cancelEvent: "end" });
    await open(page, ARTICLE);
    const opening = await expectedOpening(page);
    await button(page, "Đọc bài viết").click();
    await expect.poll(() => currentUtterance(page)).toBe(opening[0]);
    await button(page, "Tạm dừng").click();
    await button(page, "Tiếp tục").click();
    await expect.poll(async () => (await getSpoken(page)).map((entry) => entry.text)).toEqual([
      opening[0],
      opening[0],
    ]);
    await page.waitForTimeout(200);
    expect(await currentUtterance(page)).toBe(opening[0]);
  });

  test("the reading speed is used and remembered", async ({ page }) => {
    await installSpeechDouble(page, { autoEnd: false });
    await open(page, ARTICLE);
    const speed = toolbarOf(page).getByRole("combobox", { name: "Tốc độ đọc" });
    await speed.selectOption("1.25");
    await button(page, "Đọc bài viết").click();
    await expect.poll(async () => (await getSpoken(page)).at(0)?.rate).toBe(1.25);
    await button(page, "Dừng").click();

    await page.reload();
    await expect(toolbarOf(page)).toHaveAttribute("data-ready", "true");
    await expect(toolbarOf(page).getByRole("combobox", { name: "Tốc độ đọc" })).toHaveValue("1.25");
  });

  test("without a Vietnamese voice the browser reads nothing: the article's recording is chosen instead", async ({ page }) => {
    await installSpeechDouble(page, { voices: [{ lang: "en-US", name: "Google US English" }] });
    const toolbar = await open(page, ARTICLE);
    // Chosen before play; playing it (and the recording's own tests) is e2e/read-aloud-audio.spec.ts, on articles of its own.
    await expect(toolbar.getByRole("combobox", { name: "Giọng đọc" })).toHaveValue("audio");
    await expect(toolbar.locator('[data-reader="audio-player"]')).toBeVisible();
    await expect(toolbar.getByRole("status").filter({ hasText: NO_VOICE })).toHaveCount(0);
    expect(await getSpoken(page)).toEqual([]);
  });

  test("leaving the page stops the speech", async ({ page }) => {
    await installSpeechDouble(page, { autoEnd: false });
    await open(page, ARTICLE);
    await button(page, "Đọc bài viết").click();
    await expect.poll(() => currentUtterance(page)).not.toBeNull();
    // Client-side navigation unmounts the toolbar; a full navigation fires pagehide.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
    await expect.poll(() => currentUtterance(page)).toBeNull();
    await expect(button(page, "Đọc bài viết")).toBeVisible();
  });
});
