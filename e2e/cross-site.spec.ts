import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_PATH } from "./env";
import { createUser, signIn } from "./fixtures/users";

function nameOf(userId: number): string {
  const db = new Database(E2E_DATABASE_PATH, { readonly: true });
  try {
    return (db.prepare("select name from users where id = ?").get(userId) as { name: string }).name;
  } finally {
    db.close();
  }
}

test("a server action posted from another site is refused, even with the victim's cookies", async ({ page }) => {
  const user = await createUser("author");
  await signIn(page, user);
  await page.goto("/admin/profile");

  // Capture what the browser really sends for "Lưu họ tên", without letting it reach the server.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/admin/profile", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await page.getByLabel("Họ tên", { exact: true }).fill("Tên do trang lạ đặt");
  await page.getByRole("button", { name: "Lưu họ tên" }).click();
  await expect.poll(() => captured).not.toBeNull();
  const { url, headers, body } = captured!;

  for (const origin of ["https://evil.example", "null"]) {
    const response = await page.request.post(url, {
      headers: { ...headers, origin },
      data: body,
      failOnStatusCode: false,
    });
    expect(response.ok(), origin).toBe(false);
  }
  expect(nameOf(user.id)).toBe(user.name);

  // The same request from our own origin goes through, so the refusal above is the Origin check.
  const same = await page.request.post(url, { headers, data: body });
  expect(same.ok()).toBe(true);
  expect(nameOf(user.id)).toBe("Tên do trang lạ đặt");
});
