import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ARTICLE, button, fontSizePx, open, OTHER_ARTICLE, readingColours, toolbarOf } from "./fixtures/reader";
import { currentUtterance, getSpoken, installSpeechDouble } from "./fixtures/speech-double";

test.describe("text size", () => {
  test("A+ enlarges the article text by a real root font size, is announced and persists", async ({ page }) => {
    const toolbar = await open(page, ARTICLE);
    const paragraph = page.locator(".article-body p:not(.caption)").first();
    const before = await fontSizePx(paragraph);

    await button(page, "Tăng cỡ chữ").click();
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "112.5");
    await expect(toolbar.getByRole("status").filter({ hasText: "Cỡ chữ" })).toHaveText("Cỡ chữ 112,5%");
    expect((await fontSizePx(paragraph)) / before).toBeCloseTo(1.125, 2);
    // Scaled by reflowing, not by a transform.
    expect(await paragraph.evaluate((el) => getComputedStyle(el).transform)).toBe("none");

    await button(page, "Tăng cỡ chữ").click();
    await expect(toolbar.getByRole("status").filter({ hasText: "Cỡ chữ" })).toHaveText("Cỡ chữ 125%");

    await page.reload();
    await expect(toolbarOf(page)).toHaveAttribute("data-ready", "true");
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "125");
    expect((await fontSizePx(paragraph)) / before).toBeCloseTo(1.25, 2);

    await open(page, OTHER_ARTICLE);
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "125");
    expect((await fontSizePx(page.locator(".article-body p:not(.caption)").first())) / before).toBeCloseTo(1.25, 2);

    await button(page, "Cỡ chữ mặc định").click();
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "100");
    expect(await fontSizePx(page.locator(".article-body p:not(.caption)").first())).toBeCloseTo(before, 1);
  });

  test("the buttons are disabled at both ends of the scale", async ({ page }) => {
    await open(page, ARTICLE);
    const larger = button(page, "Tăng cỡ chữ");
    const smaller = button(page, "Giảm cỡ chữ");
    for (let i = 0; i < 5; i++) await larger.click(); // 100 → 112.5 → 125 → 150 → 175 → 200
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "200");
    await expect(larger).toHaveAttribute("aria-disabled", "true");
    // Playwright refuses to click aria-disabled controls; a reader's click still lands, and must do nothing.
    await larger.click({ force: true });
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "200");

    await button(page, "Cỡ chữ mặc định").click();
    await smaller.click();
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "87.5");
    await expect(smaller).toHaveAttribute("aria-disabled", "true");
    await expect(larger).not.toHaveAttribute("aria-disabled", "true");
  });

  test("the saved size is applied by the inline head script, before any React code runs", async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem("reader-prefs", JSON.stringify({ fontSize: 150 })));
    // Without the page's JavaScript bundles only the pre-paint script can apply it.
    await page.route("**/_next/static/**/*.js", (route) => route.abort());
    await page.goto(ARTICLE);
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "150");
    await expect(page.locator("html")).toHaveClass(/\bjs\b/);
    const { root, medium } = await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.style.fontSize = "medium";
      document.body.append(probe);
      const sizes = {
        root: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
        medium: Number.parseFloat(getComputedStyle(probe).fontSize),
      };
      probe.remove();
      return sizes;
    });
    expect(root / medium).toBeCloseTo(1.5, 2);
  });

  test("stored garbage falls back to the defaults", async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem("reader-prefs", "{not json"));
    await open(page, ARTICLE);
    expect(await page.locator("html").getAttribute("data-font-size")).toBeNull();
    await expect(page.locator("html")).not.toHaveAttribute("data-contrast");
    await expect(button(page, "Tương phản")).toHaveAttribute("aria-pressed", "false");
  });

  test("at 200% and 320 px wide the toolbar reflows without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.addInitScript(() => localStorage.setItem("reader-prefs", JSON.stringify({ fontSize: 200 })));
    const toolbar = await open(page, ARTICLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    for (const control of await toolbar.locator("button, select").all()) {
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
      expect(box!.height).toBeGreaterThanOrEqual(24);
      expect(box!.width).toBeGreaterThanOrEqual(24);
    }
  });
});

test.describe("contrast", () => {
  test("Tương phản switches the colours and persists", async ({ page }) => {
    await page.emulateMedia({ contrast: "no-preference" });
    await open(page, ARTICLE);
    const toggle = button(page, "Tương phản");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const normal = await readingColours(page);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveAttribute("data-contrast", "high");
    // Polled: a colour transition in the theme must not make the test flaky.
    await expect.poll(() => readingColours(page)).not.toEqual(normal);
    const high = await readingColours(page);
    // The point of the mode: at least WCAG AAA contrast for the body text.
    expect(high.ratio).toBeGreaterThanOrEqual(7);

    await page.reload();
    await expect(toolbarOf(page)).toHaveAttribute("data-ready", "true");
    await expect(button(page, "Tương phản")).toHaveAttribute("aria-pressed", "true");
    expect(await readingColours(page)).toEqual(high);

    await button(page, "Tương phản").click();
    await expect(button(page, "Tương phản")).toHaveAttribute("aria-pressed", "false");
    await expect.poll(() => readingColours(page)).toEqual(normal);
  });

  test("the system's prefers-contrast: more turns it on, and the reader can turn it off", async ({ page }) => {
    await page.emulateMedia({ contrast: "no-preference" });
    await open(page, ARTICLE);
    const normal = await readingColours(page);

    await page.emulateMedia({ contrast: "more" });
    await page.reload();
    await expect(toolbarOf(page)).toHaveAttribute("data-ready", "true");
    const toggle = button(page, "Tương phản");
    await expect(page.locator("html")).not.toHaveAttribute("data-contrast");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => readingColours(page)).not.toEqual(normal);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator("html")).toHaveAttribute("data-contrast", "normal");
    await expect.poll(() => readingColours(page)).toEqual(normal);

    await page.reload();
    await expect(toolbarOf(page)).toHaveAttribute("data-ready", "true");
    await expect(button(page, "Tương phản")).toHaveAttribute("aria-pressed", "false");
    await expect.poll(() => readingColours(page)).toEqual(normal);
  });

  test("aria-pressed follows a change of the system setting while the page is open", async ({ page }) => {
    await page.emulateMedia({ contrast: "no-preference" });
    await open(page, ARTICLE);
    await expect(button(page, "Tương phản")).toHaveAttribute("aria-pressed", "false");
    await page.emulateMedia({ contrast: "more" });
    await expect(button(page, "Tương phản")).toHaveAttribute("aria-pressed", "true");
  });
});
test.describe("keyboard and assistive technology", () => {
  async function tabTo(page: Page, target: Locator) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error("could not reach the control with Tab");
  }

  const outline = (locator: Locator) =>
    locator.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });

  test("every control is reachable with Tab, works with Enter and Space, and shows focus", async ({ page }) => {
    await installSpeechDouble(page, { autoEnd: false });
    await page.emulateMedia({ contrast: "no-preference" });
    await open(page, ARTICLE);
    const html = page.locator("html");

    const larger = button(page, "Tăng cỡ chữ");
    await tabTo(page, larger);
    const ring = await outline(larger);
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Enter");
    await expect(html).toHaveAttribute("data-font-size", "112.5");
    await expect(larger).toBeFocused();

    await page.keyboard.press("Shift+Tab");
    await expect(button(page, "Cỡ chữ mặc định")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(html).toHaveAttribute("data-font-size", "100");

    const play = button(page, "Đọc bài viết");
    await tabTo(page, play);
    expect((await outline(play)).style).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await getSpoken(page)).length).toBeGreaterThan(0);
    // The same button becomes "Tạm dừng", keeping focus.
    await expect(button(page, "Tạm dừng")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(button(page, "Tiếp tục")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(button(page, "Dừng")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(button(page, "Đọc bài viết")).toBeVisible();
    await expect.poll(() => currentUtterance(page)).toBeNull();

    const contrast = button(page, "Tương phản");
    await tabTo(page, contrast);
    expect((await outline(contrast)).style).not.toBe("none");
    await page.keyboard.press("Space");
    await expect(contrast).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Enter");
    await expect(contrast).toHaveAttribute("aria-pressed", "false");
  });

  test("the toolbar has no axe violations, label-in-name included", async ({ page }) => {
    await open(page, ARTICLE);
    const results = await new AxeBuilder({ page })
      .include(".reader-toolbar")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
      .analyze();
    expect(results.violations).toEqual([]);
  });

  test("every button's accessible name contains its visible text", async ({ page }) => {
    const toolbar = await open(page, ARTICLE);
    for (const control of await toolbar.getByRole("button").all()) {
      const { visible, name, ariaLabel } = await control.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
        const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
        return {
          visible: squash(copy.textContent),
          name: squash(el.textContent),
          ariaLabel: el.getAttribute("aria-label"),
        };
      });
      // The name comes from the content, so it starts with what is seen (WCAG 2.5.3).
      expect(ariaLabel).toBeNull();
      expect(visible).not.toBe("");
      expect(name.startsWith(visible)).toBe(true);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the article is readable and the toolbar is not shown", async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".article-body p:not(.caption)").first()).toBeVisible();
    await expect(page.locator(".reader-toolbar")).toBeHidden();
  });
});
