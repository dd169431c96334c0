import { expect, test, type Page } from "@playwright/test";
import { publishNow, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { anonymousPage, expectPublicArticle } from "./fixtures/public-article";
import { correctionRows } from "./fixtures/revision-rows";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

/** `dd/mm/yyyy` of a stored time, in Vietnam. */
const vietnamDate = (ms: number) => new Date(ms).toLocaleDateString("en-GB", { timeZone: "Asia/Ho_Chi_Minh" });

const textBox = (page: Page) => page.getByLabel("Nội dung đính chính");

test.describe("corrections", () => {
  test("an editor adds corrections to a published post; readers see them under the title within seconds", async ({ browser }) => {
    test.setTimeout(60_000);
    const id = stamp();
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const title = `Bài cần đính chính ${id}`;
    const postId = await writePost(page, { title, lead: "Sapo" });
    await publishNow(page);
    const { slug } = postRow(postId);
    const reader = await anonymousPage(browser);
    await expectPublicArticle(reader, slug, title);
    await expect(reader.getByRole("complementary", { name: "Đính chính" })).toHaveCount(0);

    await page.goto(`/admin/posts/${postId}`);
    await page.getByRole("link", { name: "Đính chính", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Đính chính" })).toBeVisible();

    // Refused input: a Vietnamese message next to the box, what was typed kept, nothing stored.
    await page.getByRole("button", { name: "Thêm đính chính" }).click();
    await expect(page.getByText("Vui lòng nhập nội dung đính chính.")).toBeVisible();
    const tooLong = `Quá dài ${id} ${"chữ ".repeat(300)}`.trim();
    await textBox(page).fill(tooLong);
    await page.getByRole("button", { name: "Thêm đính chính" }).click();
    await expect(page.getByText("Nội dung đính chính không được dài quá 1000 ký tự.")).toBeVisible();
    await expect(textBox(page)).toHaveValue(tooLong);
    await expect(textBox(page)).toBeFocused();
    expect(correctionRows(postId)).toEqual([]);

    const first = `Tên đơn vị tổ chức là Phòng Tổ chức cán bộ ${id}.`;
    await textBox(page).fill(first);
    await page.getByRole("button", { name: "Thêm đính chính" }).click();
    await expect(page.getByRole("status")).toContainText("Đã thêm đính chính.");
    await expect(textBox(page)).toHaveValue("");
    const second = `Hội nghị diễn ra ngày 15, không phải ngày 16 ${id}.`;
    await textBox(page).fill(second);
    await page.getByRole("button", { name: "Thêm đính chính" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: second })).toBeVisible();

    const stored = correctionRows(postId);
    expect(stored.map((c) => c.text)).toEqual([first, second]);
    const notices = reader.getByRole("complementary", { name: "Đính chính" });
    await expect(async () => {
      await reader.goto(`/tin-tuc/${slug}`);
      await expect(notices.getByRole("listitem")).toHaveText(
        [`Đính chính ngày ${vietnamDate(stored[0]!.created_at)}: ${first}`, `Đính chính ngày ${vietnamDate(stored[1]!.created_at)}: ${second}`],
        { timeout: 500 },
      );
    }).toPass({ timeout: 15_000 });
    // Under the title, before the lead.
    const order = await reader.locator("article[data-read-aloud-root] > *").evaluateAll((nodes) => nodes.map((n) => n.tagName.toLowerCase() + (n.classList.contains("lead") ? ".lead" : "")));
    expect(order.indexOf("aside")).toBe(order.indexOf("h1") + 1);
    expect(order.indexOf("p.lead")).toBeGreaterThan(order.indexOf("aside"));
    await Promise.all([page.context().close(), reader.context().close()]);
  });

  test("an author sees the corrections of their published post but gets no form", async ({ browser }) => {
    const id = stamp();
    const [author, editor] = [await createUser("author"), await createUser("editor")];
    const authorPage = await signedInPage(browser, author);
    const postId = await writePost(authorPage, { title: `Bài của tác giả ${id}`, lead: "Sapo của bài" });
    const editorPage = await signedInPage(browser, editor);
    await editorPage.goto(`/admin/posts/${postId}`);
    await publishNow(editorPage);

    await authorPage.goto(`/admin/posts/${postId}/corrections`);
    await expect(authorPage.getByText("Chỉ biên tập viên và quản trị viên được thêm đính chính.")).toBeVisible();
    await expect(textBox(authorPage)).toHaveCount(0);
    await Promise.all([authorPage.context().close(), editorPage.context().close()]);
  });
});
