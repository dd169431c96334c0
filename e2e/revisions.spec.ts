import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { bodyEditor, leadField, titleField, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { revisionRows } from "./fixtures/revision-rows";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Đã lưu bài viết.")).toBeVisible();
}

/** The row of revision #n in the history table. */
const historyRow = (page: Page, n: number) => page.locator("tbody tr").filter({ has: page.locator("td", { hasText: new RegExp(`^#${n}\\b`) }) });

/** A diff section of the comparison page, by its heading. */
const diffSection = (page: Page, label: string) => page.getByRole("region", { name: label, exact: true });

const ADMIN_TIME = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;

test.describe("revision history", () => {
  test("an editor sees every revision, views one as the public page, compares two, and restores the first", async ({ browser }) => {
    test.setTimeout(90_000);
    const id = stamp();
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const firstTitle = `Bài có lịch sử ${id}`;
    const postId = await writePost(page, { title: firstTitle, lead: "Sapo ban đầu của bài", text: "Nội dung gốc của bài." });
    await leadField(page).fill("Sapo sửa lần một");
    await save(page);
    await titleField(page).fill(`Bài có lịch sử đã sửa ${id}`);
    await leadField(page).fill("Sapo sửa lần hai");
    await save(page);

    await page.getByRole("link", { name: "Lịch sử phiên bản" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lịch sử phiên bản" })).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(3);
    for (const [n, kind] of [
      [3, "Lưu"],
      [2, "Lưu"],
      [1, "Tạo"],
    ] as const) {
      const cells = historyRow(page, n).locator("td");
      await expect(cells.nth(1)).toHaveText(kind);
      await expect(cells.nth(2)).toHaveText(editor.name);
      await expect(cells.nth(3)).toHaveText(ADMIN_TIME);
    }
    // Newest first.
    await expect(page.locator("tbody tr").first().locator("td").first()).toHaveText(/^#3/);
    await expectNoAxeViolations(page);

    // Revision #1, rendered by the public article component.
    await page.getByRole("link", { name: "Xem phiên bản #1" }).click();
    const article = page.locator("article[data-read-aloud-root]");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
    await expect(article.locator(".lead")).toHaveText("Sapo ban đầu của bài");
    await expect(article.locator(".article-body")).toHaveText("Nội dung gốc của bài.");
    await expect(page.getByRole("note")).toContainText("Phiên bản #1 · Tạo");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    // #3 against the one before it: the title gained words, the lead changed one.
    await page.getByRole("link", { name: "‹ Lịch sử phiên bản" }).click();
    await page.getByRole("link", { name: "So sánh với bản trước (phiên bản #3)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "So sánh phiên bản" })).toBeVisible();
    await expect(diffSection(page, "Tiêu đề").locator("ins")).toHaveText(/^\[đã thêm: ?đã sửa ?\]$/);
    await expect(diffSection(page, "Tiêu đề").locator("del")).toHaveCount(0);
    await expect(diffSection(page, "Sapo").locator("del")).toHaveText("[đã xoá: một]");
    await expect(diffSection(page, "Sapo").locator("ins")).toHaveText("[đã thêm: hai]");
    await expect(diffSection(page, "Nội dung")).toContainText("Không thay đổi.");
    await expectNoAxeViolations(page);

    // Any two: #1 against #3.
    await page.getByLabel("Phiên bản cũ").selectOption({ label: "#1 · Tạo" });
    await page.getByLabel("Phiên bản mới").selectOption({ label: "#3 · Lưu" });
    await page.getByRole("button", { name: "So sánh", exact: true }).click();
    await expect(page.locator("dl")).toContainText("Từ#1 · Tạo");
    await expect(diffSection(page, "Sapo").locator("del")).toHaveText("[đã xoá: ban đầu của bài]");
    await expect(diffSection(page, "Sapo").locator("ins")).toHaveText("[đã thêm: sửa lần hai]");

    // Restore #1: its text is back in the editor, and the history has a new "Khôi phục" revision.
    const firstRevision = revisionRows(postId)[0]!;
    await page.goto(`/admin/posts/${postId}/revisions/${firstRevision.id}`);
    await page.getByRole("button", { name: "Khôi phục phiên bản này" }).click();
    await expect(page.getByRole("note").getByRole("status")).toContainText("Đã khôi phục phiên bản #1.");
    expect(postRow(postId)).toMatchObject({ title: firstTitle, lead: "Sapo ban đầu của bài", version: 4 });
    await page.getByRole("link", { name: "Mở trang sửa bài" }).click();
    await expect(titleField(page)).toHaveValue(firstTitle);
    await expect(leadField(page)).toHaveValue("Sapo ban đầu của bài");
    await expect(bodyEditor(page)).toHaveText("Nội dung gốc của bài.");
    await page.getByRole("link", { name: "Lịch sử phiên bản" }).click();
    await expect(page.locator("tbody tr")).toHaveCount(4);
    const restored = historyRow(page, 4).locator("td");
    await expect(restored.nth(1)).toHaveText("Khôi phục");
    await expect(restored.nth(2)).toHaveText(editor.name);
    await expect(restored.nth(4)).toHaveText("từ phiên bản #1");
    expect(revisionRows(postId).at(-1)).toMatchObject({ kind: "restore", note: "từ phiên bản #1", title: firstTitle });
    await page.context().close();
  });

  test("an author cannot open another author's history, a revision of it, or a comparison (404)", async ({ browser }) => {
    const id = stamp();
    const [a, b] = [await createUser("author"), await createUser("author")];
    const pageA = await signedInPage(browser, a);
    const postId = await writePost(pageA, { title: `Bài riêng của A ${id}` });
    const revisionId = revisionRows(postId)[0]!.id;
    await pageA.goto(`/admin/posts/${postId}/revisions`);
    await expect(pageA.locator("tbody tr")).toHaveCount(1);

    const pageB = await signedInPage(browser, b);
    for (const url of [`/admin/posts/${postId}/revisions`, `/admin/posts/${postId}/revisions/${revisionId}`, `/admin/posts/${postId}/revisions/compare?to=${revisionId}`]) {
      const response = await pageB.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(pageB.getByText(`Bài riêng của A ${id}`)).toHaveCount(0);
    }
    await Promise.all([pageA.context().close(), pageB.context().close()]);
  });

  test("a revision is for signed-in staff only and never publicly cacheable", async ({ browser }) => {
    const id = stamp();
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const postId = await writePost(page, { title: `Bài xem phiên bản ${id}` });
    const revisionUrl = `/admin/posts/${postId}/revisions/${revisionRows(postId)[0]!.id}`;

    for (const url of [revisionUrl, `/admin/posts/${postId}/revisions`, `/admin/posts/${postId}/revisions/compare`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      const cacheControl = response?.headers()["cache-control"] ?? "";
      expect(cacheControl, url).toMatch(/\bprivate\b/);
      expect(cacheControl, url).toMatch(/\bno-store\b/);
      expect(cacheControl, url).not.toMatch(/\bpublic\b|s-maxage/);
    }

    const anonymous = await browser.newContext();
    const direct = await anonymous.request.get(revisionUrl, { maxRedirects: 0 });
    expect(direct.status()).toBe(307);
    expect(new URL(direct.headers()["location"]!, "http://x").pathname).toBe("/login");
    expect(await direct.text()).not.toContain(`Bài xem phiên bản ${id}`);
    const reader = await anonymous.newPage();
    await reader.goto(revisionUrl);
    await expect(reader).toHaveURL(/\/login/);
    await Promise.all([page.context().close(), anonymous.close()]);
  });
});
