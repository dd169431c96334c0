import { expect, test } from "@playwright/test";
import { captureAction } from "./fixtures/actions";
import { readDb } from "./fixtures/db";
import { createUser, signIn } from "./fixtures/users";

function nameOf(userId: number): string {
  return readDb((db) => (db.prepare("select name from users where id = ?").get(userId) as { name: string }).name);
}

test("a server action posted from another site is refused, even with the victim's cookies", async ({ page }) => {
  const user = await createUser("author");
  await signIn(page, user);
  await page.goto("/admin/profile");

  // Capture what the browser really sends for "Lưu họ tên", without letting it reach the server.
  await page.getByLabel("Họ tên", { exact: true }).fill("Tên do trang lạ đặt");
  const request = await captureAction(page, "**/admin/profile", () => page.getByRole("button", { name: "Lưu họ tên" }).click());
  const [url, headers, body] = [request.url(), request.headers(), request.postDataBuffer()!];

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
