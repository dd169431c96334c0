import { expect, test } from "@playwright/test";
import { publishNow, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { anonymousPage, expectPublicArticle, expectPublicMissing } from "./fixtures/public-article";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

test.describe("writing posts: trash", () => {
  test("trash takes a published post off the site at once; restore brings it back", async ({ browser }) => {
    const id = stamp();
    const editorUser = await createUser("editor");
    const page = await signedInPage(browser, editorUser);
    const title = `Bài vào thùng rác ${id}`;
    const postId = await writePost(page, { title, lead: "Sapo" });
    await publishNow(page);
    const { slug } = postRow(postId);
    const reader = await anonymousPage(browser);
    await expectPublicArticle(reader, slug, title);

    await page.goto(`/admin/posts?q=${encodeURIComponent(id)}`);
    await page.getByRole("checkbox", { name: `Chọn bài “${title}”` }).check();
    await page.getByRole("button", { name: "Chuyển vào thùng rác" }).click();
    await expect(page.getByText("Đã chuyển 1 bài viết vào thùng rác.")).toBeVisible();
    expect(postRow(postId).deleted_at).not.toBeNull();
    await expectPublicMissing(reader, slug);

    await page.getByRole("link", { name: "Thùng rác" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thùng rác" })).toBeVisible();
    await page.getByRole("checkbox", { name: `Chọn bài “${title}”` }).check();
    await page.getByRole("button", { name: "Khôi phục" }).click();
    await expect(page.getByText("Đã khôi phục 1 bài viết.")).toBeVisible();
    expect(postRow(postId)).toMatchObject({ deleted_at: null, status: "published" });
    await expectPublicArticle(reader, slug, title);
    await Promise.all([page.context().close(), reader.context().close()]);
  });
});
