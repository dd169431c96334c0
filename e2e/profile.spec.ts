import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { createUser, signIn, signedInPage } from "./fixtures/users";

const PASSWORD_PAGE = /\/admin\/profile\/password$/;

async function submitPasswordForm(page: Page, current: string, next: string, confirm = next): Promise<void> {
  await page.getByLabel("Mật khẩu hiện tại").fill(current);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(next);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(confirm);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
}

/** Fills the sign-in form without waiting to land anywhere (for refusals and the code step). */
async function trySignIn(page: Page, email: string, password: string, code?: string): Promise<void> {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  if (code !== undefined) await page.getByLabel("Mã xác thực").fill(code);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await page.waitForURL(/\/login/);
}

test.describe("forced password change", () => {
  test("a temporary password must be replaced before anything else, with clear messages for bad choices", async ({ page, browser }) => {
    const user = await createUser("author", { temporary: true });
    await signIn(page, user);
    await expect(page).toHaveURL(PASSWORD_PAGE);
    await expect(page.getByText("Bạn đang dùng mật khẩu tạm thời.")).toBeVisible();

    for (const url of ["/admin", "/admin/profile", "/admin/profile/two-factor", "/admin/activity"]) {
      await page.goto(url);
      await expect(page, url).toHaveURL(PASSWORD_PAGE);
    }

    const good = "Con đường đến trường mùa thu năm ấy";
    // Consecutive refusals have different messages, so each expectation waits for its own answer.
    const refusals: Array<{ next: string; confirm?: string; field: string; message: string }> = [
      { next: "ngắn quá", field: "Mật khẩu mới", message: "Mật khẩu phải có ít nhất 12 ký tự." },
      { next: "password1234", field: "Mật khẩu mới", message: "Mật khẩu này quá phổ biến" },
      { next: `${user.email}!!`, field: "Mật khẩu mới", message: "Mật khẩu không được trùng hoặc chứa địa chỉ e-mail." },
      { next: "123456789012", field: "Mật khẩu mới", message: "Mật khẩu này quá phổ biến" },
      { next: user.password, field: "Mật khẩu mới", message: "Mật khẩu mới phải khác mật khẩu hiện tại." },
      { next: good, confirm: `${good}.`, field: "Nhập lại mật khẩu mới", message: "Mật khẩu nhập lại không khớp với mật khẩu mới." },
    ];
    for (const refusal of refusals) {
      await submitPasswordForm(page, user.password, refusal.next, refusal.confirm);
      const field = page.getByLabel(refusal.field, { exact: true });
      await expect(field, refusal.next).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(refusal.message), refusal.next).toBeVisible();
      await expect(page).toHaveURL(PASSWORD_PAGE);
    }
    await page.goto("/admin");
    await expect(page, "nothing was changed by the refused attempts").toHaveURL(PASSWORD_PAGE);

    await submitPasswordForm(page, user.password, good);
    await page.waitForURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Xin chào, ${user.name}`);
    await page.goto("/admin/profile");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của bạn");

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await trySignIn(other, user.email, user.password);
    await expect(other.getByRole("main").getByRole("alert")).toHaveText("E-mail hoặc mật khẩu không đúng.");
    await signIn(other, { email: user.email, password: good });
    await expect(other).toHaveURL(/\/admin$/);
    await fresh.close();
  });
});

test.describe("profile", () => {
  test("a user changes their own name", async ({ page }) => {
    const user = await createUser("editor");
    await signIn(page, user);
    await page.goto("/admin/profile");
    const name = page.getByLabel("Họ tên", { exact: true });
    await expect(name).toHaveValue(user.name);

    await name.fill("   ");
    await page.getByRole("button", { name: "Lưu họ tên" }).click();
    await expect(page.getByText("Vui lòng nhập họ tên.")).toBeVisible();

    const renamed = `Trần Thị Bích ${Date.now().toString(36)}`;
    await name.fill(`  ${renamed}  `);
    await page.getByRole("button", { name: "Lưu họ tên" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu họ tên." })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(renamed);
    await page.reload();
    await expect(page.getByLabel("Họ tên", { exact: true })).toHaveValue(renamed);
  });

  test("two-factor sign-in: enrol with the QR secret, then sign in with a code or a one-time recovery code", async ({ page }) => {
    const user = await createUser("editor");
    await signIn(page, user);
    await page.goto("/admin/profile/two-factor");
    await page.getByRole("button", { name: "Bật xác thực hai bước" }).click();
    await expect(page.getByRole("img", { name: /Mã QR/ }).locator("svg")).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
    const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
    const wrongCode = () => {
      const near = [-1, 0, 1].map((s) => totp.generate({ timestamp: Date.now() + s * 30_000 }));
      let code = "000000";
      for (let n = 0; near.includes(code); n++) code = String((Number(near[1]) + 500_000 + n) % 1_000_000).padStart(6, "0");
      return code;
    };

    await page.getByLabel("Mã 6 số trên ứng dụng").fill(wrongCode());
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    await expect(page.getByText("Mã không đúng hoặc đã hết hạn.", { exact: false })).toBeVisible();

    await page.getByLabel("Mã 6 số trên ứng dụng").fill(totp.generate());
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    const codeItems = page.getByRole("list", { name: "Mã khôi phục" }).getByRole("listitem");
    await expect(codeItems).toHaveCount(10);
    const codes = (await codeItems.allTextContents()).map((c) => c.trim());
    await expect(page.getByText("Trạng thái: Đang bật")).toBeVisible();
    // The codes are shown once: a fresh load has only the count.
    await page.reload();
    await expect(page.getByText(codes[0]!)).toHaveCount(0);
    await expect(page.getByText("Còn 10 mã chưa dùng.")).toBeVisible();

    await signOut(page);
    await trySignIn(page, user.email, user.password);
    await expect(page.getByLabel("Mã xác thực")).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("xác thực hai bước");
    await trySignIn(page, user.email, user.password, wrongCode());
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Mã xác thực không đúng hoặc đã hết hạn.");
    await expect(page).toHaveURL(/\/login/);
    await trySignIn(page, user.email, user.password, totp.generate());
    await page.waitForURL(/\/admin$/);

    await signOut(page);
    await trySignIn(page, user.email, user.password);
    await trySignIn(page, user.email, user.password, codes[0]!);
    await page.waitForURL(/\/admin$/);

    await signOut(page);
    await trySignIn(page, user.email, user.password);
    await trySignIn(page, user.email, user.password, codes[0]!);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Mã xác thực không đúng hoặc đã hết hạn.");
    await expect(page).toHaveURL(/\/login/);
    // Another code, typed in capitals, still works once.
    await trySignIn(page, user.email, user.password, codes[1]!.toUpperCase());
    await page.waitForURL(/\/admin$/);
    await page.goto("/admin/profile/two-factor");
    await expect(page.getByText("Còn 8 mã chưa dùng.")).toBeVisible();

    // Turning it off needs proof; afterwards the password alone signs in again.
    const disable = page.getByRole("region", { name: "Tắt xác thực hai bước" });
    await disable.getByLabel("Mật khẩu hoặc mã xác thực hiện tại").fill(totp.generate());
    await disable.getByRole("button", { name: "Tắt xác thực hai bước" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã tắt xác thực hai bước." })).toBeVisible();
    await signOut(page);
    await signIn(page, user);
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("sign out everywhere ends the other sessions and keeps this one", async ({ browser }) => {
    const user = await createUser("author");
    const here = await signedInPage(browser, user);
    const elsewhere = await signedInPage(browser, user);
    await elsewhere.goto("/admin/profile");
    await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của bạn");

    await here.goto("/admin/profile");
    await here.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
    await expect(here.getByRole("status").filter({ hasText: "Đã đăng xuất khỏi mọi thiết bị khác." })).toBeVisible();

    await elsewhere.goto("/admin/profile");
    await expect(elsewhere).toHaveURL(/\/login/);
    expect(await (await elsewhere.request.get("/api/auth/session")).json()).toEqual({});

    for (const url of ["/admin", "/admin/profile"]) {
      await here.goto(url);
      await expect(here, url).toHaveURL(new RegExp(`${url}$`));
    }
    await here.reload();
    await expect(here.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của bạn");
    const session = await (await here.request.get("/api/auth/session")).json();
    expect(session.user?.id).toBe(user.id);

    await here.context().close();
    await elsewhere.context().close();
  });
});
