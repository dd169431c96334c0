import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./env";
import { signIn } from "./fixtures/users";

test.describe("backup settings", () => {
  test("an admin turns the daily backup on and off, and /admin and the activity log say so", async ({ page }) => {
    await signIn(page, E2E_ADMIN);
    await page.goto("/admin");
    await expect(page.getByRole("region", { name: "Sao lưu dữ liệu" })).toBeVisible();

    await page.goto("/admin/settings");
    const section = page.getByRole("region", { name: "Sao lưu" });
    await section.getByLabel("Tự động sao lưu mỗi ngày").check();
    await section.getByLabel("Giờ sao lưu (giờ Việt Nam)").selectOption("23");
    await section.getByRole("button", { name: "Lưu" }).click();
    await expect(section.getByText("Đã lưu cài đặt sao lưu.")).toBeVisible();

    await page.goto("/admin");
    await expect(page.getByText("Sao lưu tự động hằng ngày lúc 23:00.")).toBeVisible();
    await page.getByRole("link", { name: "Cài đặt sao lưu" }).click();
    const again = page.getByRole("region", { name: "Sao lưu" });
    await expect(again.getByLabel("Tự động sao lưu mỗi ngày")).toBeChecked();
    await expect(again.getByLabel("Giờ sao lưu (giờ Việt Nam)")).toHaveValue("23");
    await again.getByLabel("Tự động sao lưu mỗi ngày").uncheck();
    await again.getByRole("button", { name: "Lưu" }).click();
    await expect(again.getByText("Đã lưu cài đặt sao lưu.")).toBeVisible();

    await page.goto("/admin");
    await expect(page.getByText("Chưa bật sao lưu tự động.")).toBeVisible();
    await page.goto("/admin/activity");
    await expect(page.getByText("Sao lưu tự động hằng ngày lúc 23:00").first()).toBeVisible();
    await expect(page.getByText("Tắt sao lưu tự động").first()).toBeVisible();
  });
});
