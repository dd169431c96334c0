import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayOf } from "./fixtures/actions";
import { expectNoAxeViolations } from "./fixtures/axe";
import { readDb } from "./fixtures/db";
import { fillBasics, openNewPost, bodyEditor, leadField, saveNew, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { anonymousPage, expectPublicArticle, expectPublicMissing } from "./fixtures/public-article";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

const status = (page: Page) => page.getByTestId("post-status");
const press = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();
const logged = (action: string, postId: number) =>
  readDb((db) => db.prepare("SELECT actor_name AS actor, summary FROM activity_log WHERE action = ? AND object_id = ? ORDER BY id").all(action, String(postId))) as Array<{ actor: string; summary: string }>;

/** `2026-05-04T10:15:30`: a Vietnam wall-clock time for the datetime-local field, to the second. */
function vietnamInput(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19);
}

test.describe("editorial workflow", () => {
  test("an author submits, an editor refuses with a note, the author fixes and resubmits, the editor publishes", async ({ browser }) => {
    test.setTimeout(90_000);
    const id = stamp();
    const [author, editor] = await Promise.all([createUser("author"), createUser("editor")]);
    const authorPage = await signedInPage(browser, author);
    const title = `Bài qua quy trình duyệt ${id}`;
    const postId = await writePost(authorPage, { title, lead: "Sapo ban đầu" });
    // Authors see no publishing buttons at all.
    await expect(authorPage.getByRole("button", { name: "Xuất bản ngay" })).toHaveCount(0);
    await press(authorPage, "Gửi duyệt");
    await expect(authorPage.getByText("Đã gửi bài cho biên tập viên duyệt.")).toBeVisible();
    await expect(status(authorPage)).toHaveText("Chờ duyệt");

    // The editor finds it in the review queue on the dashboard.
    const editorPage = await signedInPage(browser, editor);
    await editorPage.goto("/admin");
    const queue = editorPage.getByRole("region", { name: /Bài chờ duyệt/ });
    await queue.getByRole("link", { name: title }).click();
    await expect(status(editorPage)).toHaveText("Chờ duyệt");
    await editorPage.getByRole("button", { name: "Từ chối…" }).click();
    const dialog = editorPage.getByRole("dialog", { name: "Từ chối và trả bài cho tác giả" });
    await dialog.getByRole("button", { name: "Từ chối và trả bài" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Vui lòng ghi lý do từ chối để tác giả biết cần sửa gì.");
    await expectNoAxeViolations(editorPage);
    await dialog.getByLabel("Ghi chú cho tác giả (bắt buộc)").fill("Sapo cần nêu rõ thời gian, địa điểm.");
    await dialog.getByRole("button", { name: "Từ chối và trả bài" }).click();
    await expect(dialog).toBeHidden();
    await expect(editorPage.getByText("Đã từ chối và trả bài về cho tác giả kèm ghi chú.")).toBeVisible();
    expect(postRow(postId).status).toBe("draft");

    // The author sees the note on the dashboard and in the editor, fixes the lead and resubmits.
    await authorPage.goto("/admin");
    await expect(authorPage.getByRole("region", { name: /Bản nháp của bạn/ }).getByText("Bị từ chối, có ghi chú")).toBeVisible();
    await authorPage.goto(`/admin/posts/${postId}`);
    await expect(authorPage.getByTestId("review-note")).toHaveText("Sapo cần nêu rõ thời gian, địa điểm.");
    await leadField(authorPage).fill("Sáng 04/5, tại Hà Nội, Cục tổ chức hội nghị.");
    await press(authorPage, "Gửi duyệt");
    await expect(status(authorPage)).toHaveText("Chờ duyệt");
    await expect(authorPage.getByTestId("review-note")).toHaveCount(0);

    await editorPage.goto(`/admin/posts/${postId}`);
    await press(editorPage, "Xuất bản ngay");
    await expect(editorPage.getByText("Đã xuất bản bài viết.")).toBeVisible();
    await expect(status(editorPage)).toHaveText("Đã xuất bản");
    const reader = await anonymousPage(browser);
    await expectPublicArticle(reader, postRow(postId).slug, title);
    await expect(reader.locator(".lead")).toHaveText("Sáng 04/5, tại Hà Nội, Cục tổ chức hội nghị.");

    // Every status change is in the activity log, by whom.
    expect(logged("post.submit", postId).map((e) => e.actor)).toEqual([author.name, author.name]);
    expect(logged("post.reject", postId)).toMatchObject([{ actor: editor.name, summary: expect.stringContaining("Sapo cần nêu rõ") }]);
    expect(logged("post.publish", postId).map((e) => e.actor)).toEqual([editor.name]);
    await Promise.all([authorPage.context().close(), editorPage.context().close(), reader.context().close()]);
  });

  test("an author's crafted publish request is refused, logged and changes nothing", async ({ browser, baseURL }) => {
    const author = await createUser("author");
    const page = await signedInPage(browser, author);
    const postId = await writePost(page, { title: `Bài tác giả tự xuất bản ${stamp()}`, lead: "Sapo" });
    // Capture the author's own (allowed) submit, then replay it with the intent changed to publish.
    await page.goto(`/admin/posts/${postId}`);
    const request = await captureAction(page, `**/admin/posts/${postId}`, () => press(page, "Gửi duyệt"));
    const replay = await replayOf(request, baseURL!);
    const body = replay.data.toString("utf8").replace(/(name="[^"]*intent"\r\n\r\n)submit/, "$1publish");
    expect(body).toContain("publish");
    await page.unrouteAll();
    const response = await page.request.post(`/admin/posts/${postId}`, { ...replay, data: Buffer.from(body, "utf8") });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Bạn không có quyền");
    expect(postRow(postId)).toMatchObject({ status: "draft", version: 1 });
    const denied = readDb((db) => db.prepare("SELECT action, object_id AS objectId FROM activity_log WHERE action = 'security.denied' AND actor_id = ?").all(author.id));
    expect(denied).toEqual([expect.objectContaining({ objectId: String(postId) })]);
    await page.context().close();
  });

  test("the pre-publish checklist follows the form as it is typed, and publishing lists everything missing", async ({ browser }) => {
    const editor = await createUser("editor", { unit: "" });
    const page = await signedInPage(browser, editor);
    await openNewPost(page);
    await fillBasics(page, { title: `Bài thiếu mục ${stamp()}` });
    await bodyEditor(page).click();
    await page.keyboard.type("Nội dung.");
    const postId = await saveNew(page);
    const checklist = page.getByTestId("publish-checklist");
    await expect(checklist.getByRole("heading")).toHaveText("Trước khi xuất bản — còn thiếu 2 mục");
    await expect(checklist.locator('li[data-done="0"]')).toHaveText(["✗ Còn thiếu: Có sapo", "✗ Còn thiếu: Có dòng nguồn (đơn vị viết bài)"]);

    await press(page, "Xuất bản ngay");
    await expect(page.getByText("Chưa xuất bản được. Bài viết còn thiếu: Có sapo; Có dòng nguồn (đơn vị viết bài).")).toBeVisible();
    expect(postRow(postId)).toMatchObject({ status: "draft", version: 1 });

    await leadField(page).fill("Sapo đã có.");
    await expect(checklist.getByRole("heading")).toHaveText("Trước khi xuất bản — còn thiếu 1 mục");
    await page.getByLabel("Nguồn", { exact: true }).fill("Phòng Thông tin");
    await expect(checklist.getByRole("heading")).toHaveText("Trước khi xuất bản — đã đủ");
    await expectNoAxeViolations(page);
    await press(page, "Xuất bản ngay");
    await expect(page.getByText("Đã xuất bản bài viết.")).toBeVisible();
    expect(postRow(postId).status).toBe("published");
    await page.context().close();
  });

  test("a scheduled post appears on the public site at its time with nobody signed in, and unpublishing takes it down", async ({ browser }) => {
    test.setTimeout(150_000); // it waits for the scheduled time, and the promise is "within 60 seconds"
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const title = `Bài hẹn giờ ${stamp()}`;
    const postId = await writePost(page, { title, lead: "Sapo hẹn giờ" });
    const field = page.getByLabel("Thời gian xuất bản", { exact: true });

    await field.fill(vietnamInput(new Date(Date.now() - 60_000)));
    await press(page, "Hẹn giờ xuất bản");
    await expect(page.getByText("Hãy chọn thời điểm xuất bản trong tương lai để hẹn giờ.")).toBeVisible();

    const at = new Date(Date.now() + 15_000);
    await field.fill(vietnamInput(at));
    await press(page, "Hẹn giờ xuất bản");
    await expect(page.getByText("Đã hẹn giờ xuất bản bài viết.")).toBeVisible();
    await expect(status(page)).toHaveText("Hẹn giờ");
    const { slug } = postRow(postId);
    await page.context().close(); // nobody is signed in from here on

    const reader = await anonymousPage(browser);
    expect((await reader.goto(`/tin-tuc/${slug}`))?.status()).toBe(404);
    await reader.goto("/");
    await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
    await expect(async () => {
      await reader.goto("/");
      // The curated home page may show a new story twice: in the latest news and in its category's block.
      await expect(reader.getByRole("link", { name: title }).first()).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 60_000 + 15_000, intervals: [2_000] });
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    await expectPublicArticle(reader, slug, title);
    // The post shows as soon as its time passes (the read applies it); the scheduler logs the going
    // live on its next run, every 5 s, and another test's publish may have refreshed the home page first.
    await expect
      .poll(() => readDb((db) => db.prepare("SELECT actor_name AS actor FROM activity_log WHERE action = 'post.go-live' AND object_id = ?").all(String(postId))), { timeout: 15_000 })
      .toEqual([{ actor: "Hệ thống (hẹn giờ)" }]);

    const again = await signedInPage(browser, editor);
    await again.goto(`/admin/posts/${postId}`);
    await press(again, "Gỡ bài");
    await expect(again.getByText("Đã gỡ bài khỏi trang tin.")).toBeVisible();
    await expect(status(again)).toHaveText("Đã gỡ");
    await expectPublicMissing(reader, slug);
    await Promise.all([again.context().close(), reader.context().close()]);
  });
});
