import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { readDb } from "./fixtures/db";
import { bodyEditor, leadField, publishNow, titleField, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

const languageOf = (id: number) => readDb((db) => db.prepare("select language, translation_group_id as groupId from posts where id = ?").get(id)) as { language: string; groupId: number | null };

/** The English-version cell of a post's row in the list of Vietnamese posts, found by its title. */
async function englishStatusInList(page: Page, postId: number, title: string) {
  await page.goto(`/admin/posts?language=vi&q=${encodeURIComponent(title)}`);
  const row = page.locator(`tr[data-post-id="${postId}"]`);
  await expect(row).toBeVisible();
  return row.locator("[data-translation-state]");
}

test.describe("translating a post into English", () => {
  test("create, translate beside the original, publish the English only, see it out of date after the Vietnamese changes, update it", async ({ browser }) => {
    test.setTimeout(120_000);
    const id = stamp();
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const title = `Hội nghị hợp tác quốc tế ${id}`;

    // A Vietnamese post, published.
    const viId = await writePost(page, { title, lead: "Sáng nay, Cục tổ chức hội nghị hợp tác quốc tế.", text: "Đại diện WIPO phát biểu tại hội nghị." });
    await publishNow(page);
    const list = await englishStatusInList(page, viId, title);
    await expect(list).toHaveText("Chưa có bản tiếng Anh");

    // "Thêm bản tiếng Anh" opens the English draft's writing screen with the original beside it.
    await page.goto(`/admin/posts/${viId}`);
    await page.getByRole("button", { name: "Thêm bản tiếng Anh" }).click();
    await page.waitForURL(/\/admin\/posts\/\d+\?ban-dich=1$/);
    const enId = Number(/\/admin\/posts\/(\d+)/.exec(page.url())![1]);
    expect(enId).not.toBe(viId);
    expect(languageOf(enId)).toEqual({ language: "en", groupId: viId });
    await expect(page.getByText("Đã tạo bản nháp tiếng Anh từ bản tiếng Việt.")).toBeVisible();
    const original = page.getByTestId("translation-source");
    const originalText = original.getByRole("region", { name: "Nội dung bản gốc tiếng Việt" });
    await expect(originalText).toContainText(title);
    await expect(originalText).toContainText("Đại diện WIPO phát biểu tại hội nghị.");
    await expectNoAxeViolations(page);

    // The original folds away and opens again from the keyboard.
    const summary = original.locator("summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(originalText).toBeHidden();
    await page.keyboard.press("Enter");
    await expect(originalText).toBeVisible();

    // Translate, give the English source line, and publish the English version only.
    const englishTitle = `International cooperation conference ${id}`;
    await titleField(page).fill(englishTitle);
    await leadField(page).fill("This morning the Office held an international cooperation conference.");
    await bodyEditor(page).click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("A WIPO representative spoke at the conference.");
    await page.getByLabel("Nguồn", { exact: true }).fill("Intellectual Property Office");
    await publishNow(page);
    const english = postRow(enId);
    expect(english).toMatchObject({ status: "published", title: englishTitle });
    expect(english.slug).toBe(`international-cooperation-conference-${id}`);
    expect(english.body_html).toContain("A WIPO representative spoke");
    expect(postRow(viId)).toMatchObject({ status: "published", title });

    await expect(await englishStatusInList(page, viId, title)).toHaveText("Bản tiếng Anh đã xuất bản");
    // The language filter: the English post is listed among the English ones, not the Vietnamese.
    await page.goto(`/admin/posts?language=en&q=${encodeURIComponent(id)}`);
    await expect(page.locator(`tr[data-post-id="${enId}"]`)).toBeVisible();
    await expect(page.locator(`tr[data-post-id="${viId}"]`)).toHaveCount(0);

    // The Vietnamese changes and is saved live: its English version is now out of date.
    await page.goto(`/admin/posts/${viId}`);
    await leadField(page).fill("Sáng nay, Cục tổ chức hội nghị hợp tác quốc tế với 12 đoàn nước ngoài.");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Đã lưu bài viết.")).toBeVisible();
    const outdated = await englishStatusInList(page, viId, title);
    await expect(outdated).toContainText("Bản tiếng Anh cần cập nhật");
    await expectNoAxeViolations(page);

    // The diff shows what changed in the Vietnamese since the English was published.
    await outdated.getByRole("link", { name: "Xem thay đổi của bản tiếng Việt" }).click();
    await expect(page.getByRole("heading", { name: "So sánh phiên bản", level: 1 })).toBeVisible();
    await expect(page.locator("ins").filter({ hasText: "12 đoàn nước ngoài" }).first()).toBeVisible();

    // The English screen says the same, with the same link; updating the English brings it back to published.
    await page.goto(`/admin/posts?language=vi&q=${encodeURIComponent(title)}`);
    await page.locator(`tr[data-post-id="${viId}"]`).getByRole("link", { name: "Bản tiếng Anh cần cập nhật" }).click();
    await page.waitForURL(new RegExp(`/admin/posts/${enId}$`));
    const notice = page.getByTestId("translation-outdated");
    await expect(notice).toContainText("Bản tiếng Anh cần cập nhật");
    await expect(notice.getByRole("link", { name: "Xem thay đổi của bản tiếng Việt" })).toHaveAttribute("href", new RegExp(`^/admin/posts/${viId}/revisions/compare\\?from=\\d+&to=\\d+$`));
    await expect(page.getByTestId("translation-source")).toContainText("12 đoàn nước ngoài");
    await leadField(page).fill("This morning the Office held an international cooperation conference with 12 foreign delegations.");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Đã lưu bài viết.")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("translation-outdated")).toHaveCount(0);
    await expect(await englishStatusInList(page, viId, title)).toHaveText("Bản tiếng Anh đã xuất bản");

    // One English version per post: the Vietnamese screen now links to it instead of offering another.
    await page.goto(`/admin/posts/${viId}`);
    await expect(page.getByRole("button", { name: "Thêm bản tiếng Anh" })).toHaveCount(0);
    await expect(page.getByTestId("translation-section").getByRole("link", { name: "Bản tiếng Anh đã xuất bản" })).toHaveAttribute("href", `/admin/posts/${enId}`);
    await page.context().close();
  });
});
