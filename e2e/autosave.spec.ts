import { expect, test } from "@playwright/test";
import { expectAutosaved, markPublished, postBodyText, revisionsOf, saveStatus, serverOffer, typeAtEnd } from "./fixtures/autosave";
import { readDb } from "./fixtures/db";
import { bodyEditor, writePost } from "./fixtures/post-form";
import { anonymousPage, expectPublicArticle } from "./fixtures/public-article";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

test.describe("autosave", () => {
  test("a draft is saved by itself a few seconds after typing stops, and a reload shows it from the server", async ({ browser }) => {
    const id = stamp();
    const author = await createUser("author");
    const page = await signedInPage(browser, author);
    const postId = await writePost(page, { title: `Bài tự lưu ${id}`, text: "Đoạn đầu." });

    await typeAtEnd(page, ` Câu gõ thêm ${id}.`);
    await expectAutosaved(page);
    expect(postBodyText(postId)).toContain(`Câu gõ thêm ${id}.`);
    expect(revisionsOf(postId).map((r) => r.kind)).toEqual(["create", "autosave"]);

    // A second burst of typing coalesces into the same autosave revision.
    await typeAtEnd(page, ` Thêm nữa ${id}.`);
    await expectAutosaved(page);
    await expect.poll(() => postBodyText(postId)).toContain(`Thêm nữa ${id}.`);
    expect(revisionsOf(postId).map((r) => r.kind)).toEqual(["create", "autosave"]);

    await page.reload();
    await expect(bodyEditor(page)).toContainText(`Thêm nữa ${id}.`);
    // The server has it all, so nothing is offered back.
    await expect(page.getByText("Có bản chưa lưu trên máy này")).toHaveCount(0);
    // A save by hand after an autosave is based on the version the autosave produced: no conflict.
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Đã lưu: bài viết không có thay đổi mới so với bản đã lưu.")).toBeVisible();
  });

  test("a published post's autosave is kept aside: not on the public page, offered back on reopening, published by a save by hand", async ({ browser }) => {
    const id = stamp();
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const title = `Bài đã đăng tự lưu ${id}`;
    // A lead, as the pre-publish checklist requires of every save of a public post.
    const postId = await writePost(page, { title, lead: "Sapo của bài đã đăng.", text: "Nội dung đã đăng." });
    markPublished(postId);
    const slug = readDb((db) => (db.prepare("SELECT slug FROM posts WHERE id = ?").get(postId) as { slug: string }).slug);

    await page.goto(`/admin/posts/${postId}`);
    await typeAtEnd(page, ` Sửa chưa đăng ${id}.`);
    await expectAutosaved(page);
    await expect(saveStatus(page)).toContainText("chưa đăng lên trang");
    expect(postBodyText(postId)).not.toContain(`Sửa chưa đăng ${id}`);
    expect(readDb((db) => db.prepare("SELECT base_version FROM post_autosaves WHERE post_id = ? AND user_id = ?").get(postId, editor.id))).toEqual({ base_version: 1 });

    const reader = await anonymousPage(browser);
    await expectPublicArticle(reader, slug, title);
    await expect(reader.locator("article")).toContainText("Nội dung đã đăng.");
    await expect(reader.locator("article")).not.toContainText(`Sửa chưa đăng ${id}`);

    // Reopened: the editor shows the public text and offers the pending draft back.
    await page.goto(`/admin/posts/${postId}`);
    await expect(bodyEditor(page)).not.toContainText(`Sửa chưa đăng ${id}`);
    await expect(serverOffer(page)).toContainText(/Bạn có thay đổi chưa đăng lúc \d{2}:\d{2}/);
    await serverOffer(page).getByRole("button", { name: "Khôi phục" }).click();
    await expect(bodyEditor(page)).toContainText(`Sửa chưa đăng ${id}.`);

    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Đã lưu bài viết.")).toBeVisible();
    await expect.poll(() => postBodyText(postId)).toContain(`Sửa chưa đăng ${id}.`);
    expect(readDb((db) => db.prepare("SELECT count(*) AS n FROM post_autosaves WHERE post_id = ?").get(postId))).toEqual({ n: 0 });
    await expect(async () => {
      await reader.goto(`/tin-tuc/${slug}`);
      await expect(reader.locator("article")).toContainText(`Sửa chưa đăng ${id}.`, { timeout: 500 });
    }).toPass({ timeout: 15_000 });
  });

  test("presence: the second editor sees who else has the post open", async ({ browser }) => {
    const id = stamp();
    const first = await createUser("editor", { name: `Nguyễn Văn A ${id}` });
    const second = await createUser("editor", { name: `Trần Thị B ${id}` });
    const pageA = await signedInPage(browser, first);
    const postId = await writePost(pageA, { title: `Bài hai người mở ${id}` });
    const pageB = await signedInPage(browser, second);
    await pageB.goto(`/admin/posts/${postId}`);
    await expect(pageB.getByTestId("presence")).toHaveText(`Đang mở bài này: Nguyễn Văn A ${id}`, { timeout: 10_000 });
    await expect(pageA.getByTestId("presence")).toHaveText(`Đang mở bài này: Trần Thị B ${id}`, { timeout: 10_000 });
    // An author who may not see the post is not told who works on it.
    const outsider = await signedInPage(browser, await createUser("author"));
    const response = await outsider.request.post(`/api/posts/${postId}/presence`, { headers: { origin: new URL(outsider.url()).origin } });
    expect(response.status()).toBe(404);
  });
});
