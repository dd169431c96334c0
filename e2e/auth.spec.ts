import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./env";
import { withFreshIp } from "./fixtures/ip";
import { createUser, signIn, signedInPage } from "./fixtures/users";

async function tryPassword(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

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
    await withFreshIp(page.context());
    const user = await createUser("author");
    for (const attempt of [
      { email: user.email, password: "không phải mật khẩu này" },
      { email: `khong-co-${Date.now()}@e2e.test`, password: user.password },
    ]) {
      await tryPassword(page, attempt.email, attempt.password);
      await expect(page.getByRole("alert").filter({ hasText: "E-mail" })).toHaveText("E-mail hoặc mật khẩu không đúng.");
      await expect(page.getByLabel("E-mail")).toHaveValue(attempt.email);
    }
  });

  test("five wrong passwords lock the account for 15 minutes, even with the right password", async ({ page }) => {
    await withFreshIp(page.context());
    const user = await createUser("editor");
    for (let i = 0; i < 5; i++) {
      await tryPassword(page, user.email, `sai lần thứ ${i} rồi`);
      await expect(page.getByRole("alert").filter({ hasText: "E-mail" })).toHaveText("E-mail hoặc mật khẩu không đúng.");
    }
    await tryPassword(page, user.email, user.password);
    await expect(page.getByRole("alert").filter({ hasText: "quá nhiều lần" })).toContainText("Vui lòng thử lại sau");
    await expect(page).toHaveURL(/\/login/);
    // Another account from another address is not affected.
    const other = await createUser("editor");
    await signIn(page, other);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(other.name);
  });

  test("twenty failures from one address lock that address, for every account", async ({ page }) => {
    await withFreshIp(page.context());
    const user = await createUser("author");
    for (let i = 0; i < 20; i++) {
      await tryPassword(page, `doan-mo-${i}-${Date.now()}@e2e.test`, "đoán bừa mật khẩu");
      await expect(page.getByRole("alert").filter({ hasText: "E-mail" })).toBeVisible();
    }
    await tryPassword(page, user.email, user.password);
    await expect(page.getByRole("alert").filter({ hasText: "quá nhiều lần" })).toBeVisible();
  });

  test("staff pages carry a nonce-based CSP and cannot be framed; public pages have their own policy", async ({ request }) => {
    const login = await request.get("/login");
    const csp = login.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(login.headers()["x-frame-options"]).toBe("DENY");
    const home = await request.get("/");
    expect(home.headers()["content-security-policy"]).toContain("object-src 'none'");
    for (const response of [login, home]) {
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(response.headers()["x-powered-by"]).toBeUndefined();
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
      for (const url of ["/admin", "/admin/users", "/admin/activity", "/admin.rsc", "/admin/users.rsc"]) {
        const response = await request.get(url, { headers, maxRedirects: 0 });
        // Either sent to sign in, or nothing at all: never the page.
        expect([303, 307, 308, 404], `${url} ${JSON.stringify(headers)}`).toContain(response.status());
        if (response.status() !== 404) expect(response.headers()["location"]).toContain("/login");
        expect(await response.text()).not.toContain("Xin chào");
      }
    }
  });

  test("a forged session cookie gets past the proxy but not past the pages' own checks", async ({ request }) => {
    // The proxy only looks for a cookie; this proves the data access layer is the real check.
    for (const url of ["/admin", "/admin/users", "/admin/activity", "/admin/profile"]) {
      const response = await request.get(url, { headers: { Cookie: "next-auth.session-token=forged.value.here" }, maxRedirects: 0 });
      expect([303, 307, 308], url).toContain(response.status());
      expect(response.headers()["location"]).toContain("/login");
    }
    const session = await request.get("/api/auth/session", { headers: { Cookie: "next-auth.session-token=forged.value.here" } });
    expect(await session.json()).toEqual({});
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
