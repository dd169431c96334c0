import { expect, test, type Page } from "@playwright/test";
import { readDb } from "../fixtures/db";
import { writePost } from "../fixtures/post-form";
import { postRow } from "../fixtures/post-rows";
import { stamp } from "../fixtures/stamp";
import { createUser, signedInPage } from "../fixtures/users";

const press = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

// Emptying the trash deletes every trashed post on the site, so it runs in its own project after all other tests.
test.describe("trash: emptying", () => {
  test("admins empty the trash after confirming; editors do not get the button", async ({ browser }) => {
    const [admin, editor] = await Promise.all([createUser("admin"), createUser("editor")]);
    const editorPage = await signedInPage(browser, editor);
    const title = `Bài sẽ bị xoá hẳn ${stamp()}`;
    const postId = await writePost(editorPage, { title, lead: "Sapo" });
    await editorPage.getByRole("button", { name: "Chuyển vào thùng rác" }).click();
    await editorPage.waitForURL(/trash=1/);
    await expect(editorPage.getByText("Bài trong thùng rác được tự động xoá hẳn sau 30 ngày.")).toBeVisible();
    await expect(editorPage.getByRole("button", { name: "Dọn sạch thùng rác" })).toHaveCount(0);

    const page = await signedInPage(browser, admin);
    await page.goto("/admin/posts?trash=1");
    await press(page, "Dọn sạch thùng rác");
    await expect(page.getByText("Hãy đánh dấu xác nhận rằng bạn muốn xoá hẳn mọi bài trong thùng rác.")).toBeVisible();
    expect(postRow(postId)).toBeTruthy();
    await page.getByLabel("Tôi hiểu các bài sẽ bị xoá hẳn").check();
    await press(page, "Dọn sạch thùng rác");
    await expect(page.getByText(/^Đã xoá hẳn \d+ bài viết trong thùng rác\.$/)).toBeVisible();
    expect(readDb((db) => db.prepare("SELECT id FROM posts WHERE id = ?").get(postId))).toBeUndefined();
    await expect(page.getByText("Thùng rác trống.")).toBeVisible();
    await Promise.all([page.context().close(), editorPage.context().close()]);
  });
});
