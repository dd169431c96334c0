import { expect, test, type Page } from "@playwright/test";
import { readDb } from "./fixtures/db";
import { documentForm, fillDocument, uniqueNumber } from "./fixtures/documents";
import { bodyEditor, fillBasics, openNewPost, titleField } from "./fixtures/post-form";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

/**
 * Next's client navigation to the new edit page, held on the wire and never answered: the screen
 * must still get there (the browser loads it itself), and must not be saved a second time meanwhile.
 */
async function stallClientNavigationTo(page: Page, path: RegExp): Promise<() => number> {
  let held = 0;
  await page.route(
    (url) => path.test(url.pathname),
    (route) => {
      if (route.request().headers()["rsc"] !== "1") return route.continue();
      held += 1; // never answered
    },
  );
  return () => held;
}

const rowsTitled = (title: string) => readDb((db) => (db.prepare("SELECT count(*) AS n FROM posts WHERE title = ?").get(title) as { n: number }).n);

test.describe("a new post or document continues on its own page", () => {
  test("a new post reaches its edit page when the client navigation never completes, and is not saved twice on the way", async ({ browser }) => {
    const page = await signedInPage(browser, await createUser("editor"));
    const title = `Bài tiếp tục ${stamp()}`;
    await openNewPost(page);
    await fillBasics(page, { title, lead: "Sapo" });
    await bodyEditor(page).click();
    await page.keyboard.type("Nội dung được lưu trước khi chuyển trang.");
    const held = await stallClientNavigationTo(page, /^\/admin\/posts\/\d+$/);

    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.locator('[data-outcome="done"]')).toBeVisible();
    await expect.poll(held).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe("/admin/posts/new");
    // Saved, not yet on its page: the buttons wait, so a second press cannot create a copy.
    await expect(page.getByRole("group", { name: "Lưu và xuất bản" }).getByRole("button", { name: "Đang lưu…" })).toBeDisabled();

    await page.waitForURL(/\/admin\/posts\/\d+\?moi=1$/, { timeout: 15_000 });
    await expect(page.getByText("Đã lưu bản nháp. Bạn có thể viết tiếp.")).toBeVisible();
    await expect(titleField(page)).toHaveValue(title);
    await expect(bodyEditor(page)).toContainText("Nội dung được lưu trước khi chuyển trang.");
    expect(rowsTitled(title)).toBe(1);
  });

  test("a new document does the same", async ({ browser }) => {
    const page = await signedInPage(browser, await createUser("author"));
    const title = `Văn bản tiếp tục ${stamp()}`;
    await page.goto("/admin/documents/new");
    await fillDocument(page, { number: uniqueNumber(), title });
    const held = await stallClientNavigationTo(page, /^\/admin\/documents\/\d+$/);

    await documentForm(page).getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.locator('[data-outcome="done"]')).toBeVisible();
    await expect.poll(held).toBeGreaterThan(0);
    await expect(documentForm(page).getByRole("button", { name: "Đang lưu…" })).toBeDisabled();

    await page.waitForURL(/\/admin\/documents\/\d+\?moi=1$/, { timeout: 15_000 });
    await expect(page.getByText("Đã lưu bản nháp. Hãy đính kèm tệp bên dưới.")).toBeVisible();
    await expect(documentForm(page).getByLabel("Trích yếu")).toHaveValue(title);
    expect(rowsTitled(title)).toBe(1);
  });
});
