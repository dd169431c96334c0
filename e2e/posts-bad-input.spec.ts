import { expect, test } from "@playwright/test";
import { pasteHtml } from "./fixtures/clipboard";
import { watchDialogs } from "./fixtures/dialogs";
import { bodyEditor, fillBasics, fillLinkDialog, leadField, openNewPost, publishNow, saveNew, slugField, titleField } from "./fixtures/post-form";
import { postRow, postsWithLead } from "./fixtures/post-rows";
import { anonymousPage, expectPublicArticle } from "./fixtures/public-article";
import { samples } from "./fixtures/samples";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

test.describe("writing posts: bad input and XSS", () => {
  test("an empty title, a 400-letter title and a slug clash get messages next to the fields and keep what was typed", async ({ browser }) => {
    const id = stamp();
    const author = await createUser("author");
    const page = await signedInPage(browser, author);
    const lead = `Sapo giữ nguyên ${id}`;
    await openNewPost(page);
    await fillBasics(page, { title: "", lead });
    await bodyEditor(page).click();
    await page.keyboard.type(`Nội dung giữ nguyên ${id}`);

    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Vui lòng sửa các mục được đánh dấu bên dưới.")).toBeVisible();
    await expect(titleField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(titleField(page)).toHaveAccessibleDescription(/Vui lòng nhập tiêu đề\./);
    await expect(titleField(page)).toBeFocused();
    await expect(leadField(page)).toHaveValue(lead);
    await expect(bodyEditor(page)).toContainText(`Nội dung giữ nguyên ${id}`);

    const long = `Đ${"ê".repeat(399)}`;
    await titleField(page).fill(long);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(titleField(page)).toHaveAccessibleDescription(/Tiêu đề không được dài quá 300 ký tự\./);
    await expect(titleField(page)).toHaveValue(long);
    await expect(leadField(page)).toHaveValue(lead);
    expect(postsWithLead(lead)).toBe(0);

    // A slug typed by hand that another post has: said while typing, and refused on save.
    await titleField(page).fill(`Bài thử đường dẫn ${id}`);
    await slugField(page).fill(samples.conference2020.slug);
    await expect(page.getByTestId("slug-check")).toContainText("Đường dẫn này đã được dùng cho bài viết khác.");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(slugField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(slugField(page)).toHaveAccessibleDescription(/Đường dẫn này đã được dùng cho bài viết khác\./);
    await expect(slugField(page)).toHaveValue(samples.conference2020.slug);
    await expect(leadField(page)).toHaveValue(lead);
    await expect(bodyEditor(page)).toContainText(`Nội dung giữ nguyên ${id}`);
    expect(postsWithLead(lead)).toBe(0);

    // Taking the suggestion (the first free "-N": other runs may hold "-2") saves, with everything that was typed.
    const suggestion = page.getByRole("button", { name: new RegExp(`^Dùng “${samples.conference2020.slug}-\\d+”$`) });
    const suggested = /“(.+)”/.exec((await suggestion.textContent()) ?? "")![1];
    await suggestion.click();
    const postId = await saveNew(page);
    expect(postRow(postId)).toMatchObject({ slug: suggested, lead, title: `Bài thử đường dẫn ${id}` });
    expect(postRow(postId).body_html).toContain(`Nội dung giữ nguyên ${id}`);
    await page.context().close();
  });

  test("XSS typed and pasted into the title, lead and body never runs in the admin, the preview or the public page", async ({ browser }) => {
    test.setTimeout(90_000);
    const id = stamp();
    const author = await createUser("author");
    const page = await signedInPage(browser, author);
    const dialogs = watchDialogs(page);
    const title = `XSS <img src=x onerror=alert(1)> ${id}`;
    await openNewPost(page);
    await fillBasics(page, { title, lead: `<script>alert("sapo")</script><svg onload=alert(2)> ${id}` });
    const editor = bodyEditor(page);
    await editor.click();
    await page.keyboard.type("<img src=x onerror=alert(3)> gõ tay");
    await page.keyboard.press("Enter");
    await pasteHtml(
      editor,
      [
        '<p>Dán <img src=x onerror="alert(4)"><a href="javascript:alert(5)">bấm một</a> ',
        '<a href=" JaVaScRiPt:alert(6)">bấm hai</a> <a href="java&#x09;script:alert(7)">bấm ba</a>',
        '<a href="data:text/html,<script>alert(8)</script>">bấm bốn</a></p>',
        "<script>alert(9)</script><svg><script>alert(10)</script></svg><iframe src=\"javascript:alert(11)\"></iframe>",
        '<p style="background:url(javascript:alert(12))" onclick="alert(13)">đoạn có thuộc tính</p>',
        "<noscript><p title=\"</noscript><img src=x onerror=alert(14)>\"></noscript>",
      ].join(""),
    );
    // A javascript: link through the link dialog is refused there.
    await page.keyboard.press("Enter");
    await page.keyboard.type("liên kết xấu ");
    const linkDialog = await fillLinkDialog(page, "javascript:alert(15)", "xấu");
    await expect(linkDialog).toBeVisible();
    await linkDialog.getByRole("button", { name: "Huỷ" }).click();

    const postId = await saveNew(page);
    const stored = postRow(postId);
    expect(stored.title).toBe(title);
    // What was typed stays text (escaped); no tag survives that could run code.
    expect(stored.body_html).not.toMatch(/<(script|svg|iframe|noscript|img[^>]*src="?x)|<[^>]*(\son\w+=|javascript:|data:text|style=)/i);
    expect(stored.body_html).toContain("gõ tay");
    expect(stored.body_html).toContain("bấm một");

    await page.goto(`/admin/posts?q=${encodeURIComponent(id)}`);
    await expect(page.locator(`tr[data-post-id="${postId}"]`)).toContainText(title);
    await page.goto(`/admin/posts/${postId}/preview`);
    await expect(page.locator("article h1")).toHaveText(title);
    await expect(page.locator(".article-body a[href^='javascript' i], .article-body img[src='x'], .article-body [onerror], .article-body [onclick]")).toHaveCount(0);

    const editorPage = await signedInPage(browser, await createUser("editor"));
    const editorDialogs = watchDialogs(editorPage);
    await editorPage.goto(`/admin/posts/${postId}`);
    await publishNow(editorPage);
    const reader = await anonymousPage(browser);
    const readerDialogs = watchDialogs(reader);
    await expectPublicArticle(reader, stored.slug, title);
    await expect(reader.locator(".lead")).toContainText('<script>alert("sapo")</script>');
    await expect(reader.locator(".article-body a[href^='javascript' i], .article-body img[src='x'], .article-body [onerror], .article-body [onclick]")).toHaveCount(0);
    await reader.waitForTimeout(300);

    expect(dialogs).toEqual([]);
    expect(editorDialogs).toEqual([]);
    expect(readerDialogs).toEqual([]);
    await Promise.all([page.context().close(), editorPage.context().close(), reader.context().close()]);
  });
});
