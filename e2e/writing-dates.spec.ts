import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { readDb, writeDb } from "./fixtures/db";
import { writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { stamp } from "./fixtures/stamp";
import { DESKTOP, screenFor } from "./fixtures/writing-screen";

// Issue 20: dates on the writing screen and the activity log, typed or picked, the Vietnamese way whatever the browser's language.

test.describe("dates the Vietnamese way", () => {
  for (const [locale, timezoneId] of [
    ["en-US", "America/New_York"],
    ["vi-VN", "Asia/Ho_Chi_Minh"],
  ] as const) {
    test(`a browser in ${locale} shows and takes dd/mm/yyyy HH:mm in Vietnam time`, async ({ browser }) => {
      const { page } = await screenFor(browser, "editor", DESKTOP, { locale, timezoneId });
      const postId = await writePost(page, { title: `Bài ngày giờ ${locale} ${stamp()}`, lead: "Sapo" });
      // 10:12 UTC is 17:12 in Vietnam.
      writeDb((db) => db.prepare("UPDATE posts SET published_at = ? WHERE id = ?").run(Date.parse("2020-12-31T10:12:00Z"), postId));
      await page.goto(`/admin/posts/${postId}`);
      const field = page.getByLabel("Thời gian xuất bản", { exact: true });
      await expect(field).toHaveValue("31/12/2020 17:12");
      await expect(field).toHaveAccessibleDescription(/Giờ Việt Nam \(GMT\+7\).*ngày\/tháng\/năm giờ:phút, 24 giờ/);
      await expect(page.getByTestId("date-reading")).toHaveText("Thứ năm, 31 tháng 12 năm 2020, lúc 17:12 (giờ Việt Nam)");

      // Typed leniently: the year left out, "17h12".
      const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
      await field.fill("1/6 8h05");
      await field.blur();
      await expect(field).toHaveValue(`01/06/${year} 08:05`);
      await field.fill("17h12 ngày 31/12/2020");
      await field.blur();
      await expect(field).toHaveValue("31/12/2020 17:12");
      // Wrong input: a Vietnamese message, and the server refuses it too.
      await field.fill("31/02/2021 08:00");
      await field.blur();
      await expect(page.getByRole("alert").filter({ hasText: "Ngày 31/02/2021 không có trên lịch." })).toBeVisible();
      await expect(field).toHaveAttribute("aria-invalid", "true");

      // The calendar from the keyboard: one day later, Enter.
      await field.fill("31/12/2020 17:12");
      await page.getByRole("button", { name: "Chọn trên lịch: thời gian xuất bản" }).focus();
      await page.keyboard.press("Enter");
      const calendar = page.getByRole("dialog", { name: "Chọn thời gian xuất bản" });
      await expect(calendar.getByRole("heading", { name: "Tháng 12 năm 2020" })).toBeVisible();
      await expect(calendar.getByRole("button", { name: "Thứ năm, 31 tháng 12 năm 2020" })).toBeFocused();
      await page.keyboard.press("ArrowRight");
      await expect(calendar.getByRole("heading", { name: "Tháng 1 năm 2021" })).toBeVisible();
      await expect(calendar.getByRole("button", { name: "Thứ sáu, 1 tháng 1 năm 2021" })).toBeFocused();
      await expectNoAxeViolations(page);
      await page.keyboard.press("Enter");
      await expect(calendar).toBeHidden();
      await expect(field).toHaveValue("01/01/2021 17:12");

      // Saved by Ctrl+S (or already by the autosave, a few seconds after the change).
      await page.keyboard.press("Control+s");
      await expect.poll(() => readDb((db) => (db.prepare("SELECT published_at AS at FROM posts WHERE id = ?").get(postId) as { at: number }).at)).toBe(Date.parse("2021-01-01T10:12:00Z"));

      // The list shows the same format.
      await page.goto(`/admin/posts?q=${encodeURIComponent(postRow(postId).title)}`);
      await expect(page.locator(`tr[data-post-id="${postId}"]`)).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await page.context().close();
    });
  }

  test("the activity log's day filters take dd/mm/yyyy typed or from the calendar, in en-US", async ({ browser }) => {
    const { page, user } = await screenFor(browser, "admin", DESKTOP, { locale: "en-US", timezoneId: "America/New_York" });
    await page.goto("/admin/activity");
    const today = new Date(Date.now() + 7 * 3600_000);
    const dd = String(today.getUTCDate()).padStart(2, "0");
    const mm = String(today.getUTCMonth() + 1).padStart(2, "0");
    await page.getByLabel("Người thực hiện").selectOption(String(user.id));
    await page.getByLabel("Từ ngày", { exact: true }).fill(`${Number(dd)}/${Number(mm)}`);
    await page.getByLabel("Đến ngày", { exact: true }).fill(`${dd}/${mm}/${today.getUTCFullYear()}`);
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page).toHaveURL(/from=/);
    await expect(page.getByLabel("Từ ngày", { exact: true })).toHaveValue(`${dd}/${mm}/${today.getUTCFullYear()}`);
    await expect(page.locator("table tbody tr").first().locator("td").first()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    await expect(page.locator("table tbody tr")).not.toHaveCount(0);
    await page.getByRole("button", { name: "Lịch: chọn từ ngày" }).click();
    await expect(page.getByRole("dialog", { name: "Chọn từ ngày" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
