import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { pasteHtml, WORD_HTML } from "./fixtures/clipboard";
import { readDb } from "./fixtures/db";
import { watchDialogs } from "./fixtures/dialogs";
import { bodyEditor, CATEGORY, fillBasics, fillLinkDialog, openNewPost, publishNow, saveNew, slugField, tool, uploadInPicker, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { anonymousPage, expectPublicArticle } from "./fixtures/public-article";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

/** The parts of an article the reader sees, to compare the preview with the public page. */
async function articleParts(page: Page) {
  const article = page.locator("article[data-read-aloud-root]");
  return {
    title: await article.locator("h1").textContent(),
    lead: await article.locator(".lead").textContent(),
    body: await article.locator(".article-body").innerHTML(),
    source: await article.locator(".source").textContent(),
    image: await article.locator("figure").first().locator("img").getAttribute("src"),
  };
}

test.describe("writing posts", () => {
  test("an author writes with the toolbar, a Word paste and images; the preview is the public page; an editor publishes it", async ({ browser }) => {
    test.setTimeout(120_000);
    const id = stamp();
    const author = await createUser("author", { unit: "Phòng Tổ chức cán bộ" });
    const page = await signedInPage(browser, author);
    const dialogs = watchDialogs(page);
    const title = `Hội nghị viết thử ${id}`;
    const lead = `Sáng nay, Cục tổ chức hội nghị viết thử ${id}.`;

    await openNewPost(page);
    // The source line starts as the author's unit.
    await expect(page.getByLabel("Nguồn", { exact: true })).toHaveValue("Phòng Tổ chức cán bộ");
    await fillBasics(page, { title, lead });
    // The slug follows the title until it is edited by hand, and is checked as it is typed.
    await expect(slugField(page)).toHaveValue(`hoi-nghi-viet-thu-${id}`);
    await expect(page.getByTestId("slug-check")).toHaveText("Đường dẫn này dùng được.");

    const editor = bodyEditor(page);
    await editor.click();
    await page.keyboard.type("Đoạn mở đầu có ");
    await tool(page, "Đậm").click();
    await page.keyboard.type("chữ đậm");
    await tool(page, "Đậm").click();
    await page.keyboard.type(" ở giữa.");
    await page.keyboard.press("Enter");
    await tool(page, "Tiêu đề 2").click();
    await page.keyboard.type("Phần một");
    await page.keyboard.press("Enter");
    await tool(page, "Danh sách dấu chấm").click();
    await page.keyboard.type("Mục thứ nhất");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Mục thứ hai");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Xem thêm tại ");
    const linkDialog = await fillLinkDialog(page, "https://noip.gov.vn", "trang tin của Cục");
    await expect(linkDialog).toBeHidden();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await pasteHtml(editor, WORD_HTML);
    await expect(editor.getByText("Tập trung kiện toàn cơ cấu tổ chức;")).toBeVisible();

    // A photo in the body, uploaded from the picker, with its caption typed under it.
    await tool(page, "Ảnh").click();
    await uploadInPicker(page, `than-bai-${id}.jpg`, "#336699");
    const figure = editor.locator("figure").last();
    await expect(figure.locator("img")).toHaveAttribute("src", /^\/media\//);
    await figure.locator("figcaption").click();
    await page.keyboard.type("Toàn cảnh Hội nghị viết thử");

    // The featured image, with its caption.
    await page.getByRole("button", { name: "Chọn ảnh đại diện" }).click();
    await uploadInPicker(page, `dai-dien-${id}.jpg`, "#993322");
    await page.getByLabel("Chú thích ảnh đại diện", { exact: true }).fill("Ảnh đại diện viết thử");

    const postId = await saveNew(page);
    await expect(page.getByText("Đã lưu bản nháp.")).toBeVisible();
    const saved = postRow(postId);
    expect(saved).toMatchObject({ title, lead, status: "draft", version: 1, author_id: author.id, source: "Phòng Tổ chức cán bộ", slug: `hoi-nghi-viet-thu-${id}` });
    expect(saved.body_html).toContain("<strong>chữ đậm</strong>");
    expect(saved.body_html).toContain("<h2>Phần một</h2>");
    expect(saved.body_html).not.toMatch(/mso-|<o:p|class="Mso|font-family/i);
    // post_media knows both images.
    expect(readDb((db) => (db.prepare("select count(*) as n from post_media where post_id = ?").get(postId) as { n: number }).n)).toBe(2);

    // The list shows it with its status and category.
    await page.goto(`/admin/posts?q=${encodeURIComponent(id)}`);
    const row = page.locator(`tr[data-post-id="${postId}"]`);
    await expect(row).toContainText(title);
    await expect(row).toContainText("Bản nháp");
    await expect(row).toContainText(CATEGORY);

    // The preview is the public article component with the saved post.
    await page.goto(`/admin/posts/${postId}/preview`);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const article = page.locator("article[data-read-aloud-root]");
    await expect(article.locator("h1")).toHaveText(title);
    await expect(article.locator(".lead")).toHaveText(lead);
    await expect(article.locator(".date-line")).toHaveText(/^(CN|Th [2-7]), \d{2}\/\d{2}\/\d{4} \| \d{2}:\d{2} (SA|CH)$/);
    await expect(article.locator(".source")).toHaveText("Phòng Tổ chức cán bộ");
    const body = article.locator(".article-body");
    await expect(body.locator("strong", { hasText: "chữ đậm" })).toBeVisible();
    await expect(body.locator("h2", { hasText: "Phần một" })).toBeVisible();
    await expect(body.locator("ul li", { hasText: "Mục thứ hai" })).toBeVisible();
    await expect(body.locator('a[href="https://noip.gov.vn"]')).toHaveText("trang tin của Cục");
    await expect(body.locator('a[href="https://noip.gov.vn"]')).toHaveAttribute("rel", "noopener noreferrer nofollow");
    await expect(body.locator("li", { hasText: "Tập trung kiện toàn cơ cấu tổ chức;" })).toBeVisible();
    await expect(body.locator("table td", { hasText: "Chi bộ 1" })).toBeVisible();
    await expect(body.locator("figcaption", { hasText: "Toàn cảnh Hội nghị viết thử" })).toBeVisible();
    await expect(article.locator("figure").first().locator("figcaption")).toHaveText("Ảnh đại diện viết thử");

    // Not public yet.
    const reader = await anonymousPage(browser);
    const readerDialogs = watchDialogs(reader);
    expect((await reader.goto(`/tin-tuc/${saved.slug}`))?.status()).toBe(404);

    // An editor publishes it; readers see it at its address and on the home page.
    const editorUser = await createUser("editor");
    const editorPage = await signedInPage(browser, editorUser);
    await editorPage.goto(`/admin/posts/${postId}`);
    // Publishing waits until every image has a description (alt text) for readers who cannot see it.
    await editorPage.getByRole("button", { name: "Xuất bản ngay" }).click();
    await expect(editorPage.getByText(/Chưa xuất bản được. Bài viết còn thiếu: .*Thiếu mô tả: ảnh đại diện, ảnh thứ 1 trong nội dung/)).toBeVisible();
    expect(postRow(postId)).toMatchObject({ status: "draft", version: 1 });
    for (const name of [`than-bai-${id}.jpg`, `dai-dien-${id}.jpg`]) {
      await editorPage.goto(`/admin/media?q=${encodeURIComponent(name)}`);
      const card = editorPage.locator("article[data-media-card]").filter({ hasText: name });
      // A description, not the file's name: an alt text ending in ".jpg" is an accessibility error that blocks publishing.
      await card.getByLabel("Mô tả ảnh (alt)").fill(`Ảnh minh hoạ ${name.replace(/\.jpg$/, "")}`);
      await card.getByRole("button", { name: /^Lưu/ }).click();
      await expect(card.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
    }
    await editorPage.goto(`/admin/posts/${postId}`);
    await publishNow(editorPage);
    expect(postRow(postId)).toMatchObject({ status: "published", version: 2 });
    await expect.poll(() => postRow(postId).body_html).toContain(`alt="Ảnh minh hoạ than-bai-${id}"`);
    await expectPublicArticle(reader, saved.slug, title);
    // The preview is what readers get: the same parts, byte for byte.
    await editorPage.goto(`/admin/posts/${postId}/preview`);
    expect(await articleParts(reader)).toEqual(await articleParts(editorPage));
    await expect(async () => {
      await reader.goto("/");
      await expect(reader.getByRole("region", { name: "Tin mới" }).locator("article h3", { hasText: title })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });

    expect(dialogs).toEqual([]);
    expect(readerDialogs).toEqual([]);
    await Promise.all([page.context().close(), editorPage.context().close(), reader.context().close()]);
  });

  test("the list, the editor and the preview have no accessibility violations", async ({ browser }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("editor"));
    const postId = await writePost(page, { title: `Bài kiểm tra truy cập ${id}`, lead: "Sapo" });
    await expectNoAxeViolations(page);
    await page.goto("/admin/posts/new");
    await expect(bodyEditor(page)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`/admin/posts?q=${encodeURIComponent(id)}`);
    await expect(page.locator(`tr[data-post-id="${postId}"]`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`/admin/posts/${postId}/preview`);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
