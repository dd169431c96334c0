import { expect, test, type Locator, type Page } from "@playwright/test";
import { createUser, signIn } from "./fixtures/users";

const rows = (page: Page) => page.locator("table tbody tr");
const cell = (row: Locator, column: number) => row.locator("td").nth(column);

async function filter(page: Page, choices: { user?: string; action?: string }): Promise<void> {
  if (choices.user !== undefined) await page.getByLabel("Người thực hiện").selectOption(choices.user);
  if (choices.action !== undefined) await page.getByLabel("Hành động").selectOption(choices.action === "" ? "" : { label: choices.action });
  // The URL already matches before the GET form submits, so wait for the new document itself.
  const loaded = page.waitForResponse((r) => r.request().isNavigationRequest() && r.url().includes("/admin/activity"));
  await page.getByRole("button", { name: "Lọc" }).click();
  await loaded;
  await page.waitForLoadState("domcontentloaded");
}

/** Today's date in Vietnam, as a date input sends it. */
function vietnamToday(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test.describe("activity log", () => {
  test("shows sign-ins, failed sign-ins with their IP and account changes, filtered by user, action and date", async ({ page, browser }) => {
    const admin = await createUser("admin");
    const subject = await createUser("author");

    // The subject fails once, signs in, and renames themselves, in a browser of their own.
    const context = await browser.newContext();
    const theirs = await context.newPage();
    await theirs.goto("/login");
    await theirs.getByLabel("E-mail").fill(subject.email);
    await theirs.getByLabel("Mật khẩu").fill("không phải mật khẩu này");
    await theirs.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(theirs.getByRole("main").getByRole("alert")).toHaveText("E-mail hoặc mật khẩu không đúng.");
    await signIn(theirs, subject);
    await theirs.goto("/admin/profile");
    await theirs.getByLabel("Họ tên", { exact: true }).fill(`${subject.name} (đã đổi)`);
    await theirs.getByRole("button", { name: "Lưu họ tên" }).click();
    await expect(theirs.getByRole("status").filter({ hasText: "Đã lưu họ tên." })).toBeVisible();
    await theirs.getByRole("button", { name: "Đăng xuất", exact: true }).click();
    await theirs.waitForURL(/\/login/);
    await context.close();

    await signIn(page, admin);
    await page.goto("/admin/activity");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhật ký hoạt động");
    await expect(page.getByRole("columnheader")).toHaveText(["Thời gian", "Người thực hiện", "Hành động", "Đối tượng", "Chi tiết", "IP"]);

    await filter(page, { user: String(subject.id) });
    await expect(page).toHaveURL(new RegExp(`[?&]user=${subject.id}(&|$)`));
    // Newest first: the sign-out, the rename, the sign-in, the failure.
    await expect(rows(page)).toHaveCount(4);
    await expect(rows(page).locator("td:nth-child(3)")).toHaveText(["Đăng xuất", "Sửa tài khoản", "Đăng nhập", "Đăng nhập thất bại"]);
    const rename = rows(page).nth(1);
    await expect(cell(rename, 1)).toHaveText(`${subject.name} (đã đổi)`);
    await expect(cell(rename, 3)).toContainText(`#${subject.id}`);
    await expect(cell(rename, 4)).toContainText(`${subject.name} → ${subject.name} (đã đổi)`);
    const failure = rows(page).nth(3);
    await expect(cell(failure, 3)).toContainText(subject.email);
    await expect(cell(failure, 5)).toHaveText(/\S/);
    await expect(cell(failure, 0)).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);

    await filter(page, { action: "Đăng nhập thất bại" });
    await expect(page).toHaveURL(/action=auth\.sign-in-failed/);
    await expect(rows(page)).toHaveCount(1);
    await expect(cell(rows(page).first(), 1)).toHaveText(subject.name);

    // The action filter alone: every row, from anyone, is a failed sign-in.
    await filter(page, { user: "" });
    const labels = await rows(page).locator("td:nth-child(3)").allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels)).toEqual(new Set(["Đăng nhập thất bại"]));

    await filter(page, { user: String(admin.id), action: "Đăng nhập" });
    await expect(rows(page)).toHaveCount(1);
    await expect(cell(rows(page).first(), 1)).toHaveText(admin.name);

    // Dates are Vietnam calendar days, both ends included.
    await page.goto(`/admin/activity?user=${subject.id}&from=${vietnamToday()}&to=${vietnamToday()}`);
    await expect(rows(page)).toHaveCount(4);
    await page.goto(`/admin/activity?user=${subject.id}&to=${vietnamToday(-1)}`);
    await expect(page.getByText("Không có mục nào.")).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
    await page.goto(`/admin/activity?from=31-12-2026`);
    await expect(page.getByText("“Từ ngày” không phải một ngày hợp lệ", { exact: false })).toBeVisible();
  });

  test("an editor gets the 403 page", async ({ page }) => {
    const editor = await createUser("editor");
    await signIn(page, editor);
    for (const url of ["/admin/activity", "/admin/settings"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
      await expect(page.locator("table")).toHaveCount(0);
    }
  });
});
