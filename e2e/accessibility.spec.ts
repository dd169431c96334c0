import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { samples } from "./fixtures/samples";

const pages = {
  "home": "/",
  "category": `/chuyen-muc/${samples.categories.party.slug}`,
  "article": `/tin-tuc/${samples.conference2020.slug}`,
  "404": "/tin-tuc/khong-co-bai-nay",
};

const modes: Record<string, { prefs: object | null }> = {
  "normal mode": { prefs: null },
  "high-contrast mode": { prefs: { fontSize: 100, contrast: "high" } },
  "largest text (200%)": { prefs: { fontSize: 200 } },
};

for (const [modeName, mode] of Object.entries(modes)) {
  for (const [pageName, url] of Object.entries(pages)) {
    test(`axe finds no violations on the ${pageName} page in ${modeName}`, async ({ page }) => {
      if (mode.prefs) {
        const prefs = JSON.stringify(mode.prefs);
        await page.addInitScript((value) => localStorage.setItem("reader-prefs", value), prefs);
      }
      await page.goto(url);
      await expectNoAxeViolations(page);
    });
  }
}

test("axe finds no violations when the system asks for more contrast", async ({ page }) => {
  await page.emulateMedia({ contrast: "more" });
  await page.goto(pages.article);
  await expectNoAxeViolations(page);
});

test("axe finds no violations on a 320 px phone at 200% text", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.addInitScript(() => localStorage.setItem("reader-prefs", JSON.stringify({ fontSize: 200 })));
  await page.goto(pages.article);
  await expectNoAxeViolations(page);
});

test("a keyboard user can skip to the content", async ({ page }) => {
  await page.goto(pages.article);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#noi-dung$/);
});
