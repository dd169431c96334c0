import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./env";
import { createUser, signIn, signedInPage } from "./fixtures/users";

test.describe("sign-in", () => {
  test("the first admin signs in and out", async ({ page }) => {
    await signIn(page, E2E_ADMIN);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xin chào, Quản trị viên");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(/\/login/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password and an unknown e-mail get the same message", async ({ page }) => {
    const user = await createUser("author");
    for (const attempt of [
      { email: user.email, password: "không phải mật khẩu này" },
      { email: `khong-co-${Date.now()}@e2e.test`, password: user.password },
    ]) {
      await page.goto("/login");
      await page.getByLabel("E-mail").fill(attempt.email);
      await page.getByLabel("Mật khẩu").fill(attempt.password);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "E-mail" })).toHaveText("E-mail hoặc mật khẩu không đúng.");
    }
  });

  test("anonymous visitors are sent to sign in, whatever headers they send", async ({ request }) => {
    const attempts: Record<string, string>[] = [
      {},
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { "x-middleware-subrequest": "src/middleware:proxy:proxy:proxy:proxy:proxy" },
      { RSC: "1", "Next-Router-Prefetch": "1" },
    ];
    for (const headers of attempts) {
      for (const url of ["/admin", "/admin/users", "/admin/activity"]) {
        const response = await request.get(url, { headers, maxRedirects: 0 });
        expect([303, 307, 308], `${url} ${JSON.stringify(headers)}`).toContain(response.status());
        expect(response.headers()["location"]).toContain("/login");
        expect(await response.text()).not.toContain("Xin chào");
      }
    }
  });

  test("a disabled account loses its open session on the next request", async ({ browser }) => {
    const author = await createUser("author");
    const page = await signedInPage(browser, author);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(author.name);
    const admin = await signedInPage(browser, { ...E2E_ADMIN, id: 0, name: "", role: "admin" });
    await admin.goto(`/admin/users/${author.id}`);
    await admin.getByRole("button", { name: "Khoá tài khoản" }).click();
    await expect(admin.getByRole("status")).toContainText("Đã khoá");
    await page.reload();
    await expect(page).toHaveURL(/\/login/);
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    await page.context().close();
    await admin.context().close();
  });
});
