import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { addressHint, parentField, parentLabel, publishPageNow, writePage } from "./fixtures/page-form";
import { postRow } from "./fixtures/post-rows";
import { anonymousPage } from "./fixtures/public-article";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

/** The writing screen for standing pages (issue 13 item 1): the tree, the nested address, who may put a page at the top. */

const press = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

/** Today in Vietnam as the reader's date line writes it (dd/mm/yyyy). */
function vietnamToday(): string {
  const [y, m, d] = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

test.describe("pages in the writing screen", () => {
  test("an editor writes a top-level page and a page under it, publishes them, and readers find it at its nested address", async ({ browser }) => {
    test.setTimeout(90_000);
    const tag = stamp();
    const editorPage = await signedInPage(browser, await createUser("editor"));
    const topTitle = `Giới thiệu ${tag}`;
    const topId = await writePage(editorPage, { title: topTitle, address: `/gioi-thieu-${tag}` });
    // A page has no category and no source line; the panel has its parent instead.
    await expect(editorPage.getByLabel("Chuyên mục", { exact: true })).toHaveCount(0);
    await expect(editorPage.getByLabel("Nguồn", { exact: true })).toHaveCount(0);
    await expect(parentField(editorPage)).toHaveValue("");
    await publishPageNow(editorPage);
    expect(postRow(topId)).toMatchObject({ slug: `gioi-thieu-${tag}`, status: "published" });

    // "Thêm trang con" in the tree starts a page already under its parent.
    await editorPage.goto("/admin/pages");
    await editorPage.getByRole("link", { name: `Thêm trang con của “${topTitle}”` }).click();
    await expect(parentField(editorPage)).toHaveValue(String(topId));
    const childTitle = `Cơ cấu tổ chức ${tag}`;
    await editorPage.getByLabel("Tiêu đề", { exact: true }).fill(childTitle);
    const address = `/gioi-thieu-${tag}/co-cau-to-chuc-${tag}`;
    await expect(addressHint(editorPage)).toContainText(`Địa chỉ trang: ${address}.`);
    await expectNoAxeViolations(editorPage);
    await editorPage.getByRole("textbox", { name: "Nội dung" }).click();
    await editorPage.keyboard.type("Cục có Văn phòng và bốn phòng chuyên môn.");
    await press(editorPage, "Lưu");
    await editorPage.waitForURL(/\/admin\/posts\/\d+\?moi=1$/);
    // The field keeps the page's own segment, under the parent chosen.
    await expect(editorPage.getByLabel("Đường dẫn", { exact: true })).toHaveValue(`co-cau-to-chuc-${tag}`);
    await publishPageNow(editorPage);

    const reader = await anonymousPage(browser);
    const response = await reader.goto(address);
    expect(response?.status()).toBe(200);
    await expect(reader.getByRole("heading", { level: 1, name: childTitle })).toBeVisible();
    await expect(reader.getByText(/^Cập nhật lần cuối:/)).toContainText(vietnamToday());
    await expect(reader.getByRole("navigation", { name: "Đường dẫn trang" }).getByRole("link", { name: topTitle })).toBeVisible();
    await expectNoAxeViolations(reader);
  });

  test("an author writes a page under a parent and submits it; a page at the top is refused, in the form and when crafted", async ({ browser }) => {
    test.setTimeout(90_000);
    const tag = stamp();
    const [editor, author] = await Promise.all([createUser("editor"), createUser("author")]);
    const editorPage = await signedInPage(browser, editor);
    const parentTitle = `Hướng dẫn ${tag}`;
    await writePage(editorPage, { title: parentTitle });

    const authorPage = await signedInPage(browser, author);
    await authorPage.goto("/admin/pages");
    await expect(authorPage.getByText("Trang của tác giả nằm dưới một trang cha có sẵn")).toBeVisible();
    await authorPage.getByRole("link", { name: "Trang mới", exact: true }).click();
    const title = `Nộp hồ sơ trực tuyến ${tag}`;
    await authorPage.getByLabel("Tiêu đề", { exact: true }).fill(title);
    // The form says it before the save does: an author's page needs a parent.
    await expect(parentField(authorPage)).toHaveValue("");
    await expect(authorPage.getByText("Chỉ biên tập viên và quản trị viên tạo được trang ở cấp cao nhất: hãy chọn trang cha.")).toBeVisible();
    await press(authorPage, "Lưu");
    await expect(authorPage.getByText("Chỉ biên tập viên và quản trị viên được tạo trang ở cấp cao nhất. Hãy chọn trang cha.")).toBeVisible();
    await expect(parentField(authorPage)).toBeFocused();
    await expectNoAxeViolations(authorPage);
    expect(authorPage.url()).toMatch(/\/admin\/posts\/new\?kind=page$/);

    await parentField(authorPage).selectOption({ label: parentLabel(parentTitle) });
    await expect(addressHint(authorPage)).toContainText(`/huong-dan-${tag}/nop-ho-so-truc-tuyen-${tag}`);
    await press(authorPage, "Lưu");
    await authorPage.waitForURL(/\/admin\/posts\/\d+\?moi=1$/);
    const id = Number(/\/admin\/posts\/(\d+)/.exec(authorPage.url())![1]);

    // A crafted save (the editor's own background-save route) moving the page to the top: refused, nothing written.
    const before = postRow(id);
    const crafted = await authorPage.evaluate(
      async ({ id, version, title }) => {
        const body = new FormData();
        for (const [key, value] of Object.entries({ title, parentId: "", slug: "", slugAuto: "1", body: "", version: String(version), intent: "keep" })) body.set(key, value);
        const response = await fetch(`/api/posts/${id}/autosave`, { method: "POST", body, credentials: "same-origin" });
        return { status: response.status, reply: (await response.json()) as { field?: string } };
      },
      { id, version: before.version, title },
    );
    expect(crafted).toMatchObject({ status: 422, reply: { field: "parentId" } });
    expect(postRow(id)).toMatchObject({ slug: `huong-dan-${tag}/nop-ho-so-truc-tuyen-${tag}`, version: before.version });

    await press(authorPage, "Gửi duyệt");
    await expect(authorPage.getByText("Đã gửi trang cho biên tập viên duyệt.")).toBeVisible();
    expect(postRow(id).status).toBe("pending");
  });

  test("a page moved under another parent answers at its old address with a permanent redirect", async ({ browser }) => {
    test.setTimeout(90_000);
    const tag = stamp();
    const editorPage = await signedInPage(browser, await createUser("editor"));
    const [fromTitle, toTitle] = [`Tổ chức ${tag}`, `Liên hệ ${tag}`];
    await writePage(editorPage, { title: fromTitle });
    await publishPageNow(editorPage);
    await writePage(editorPage, { title: toTitle });
    await publishPageNow(editorPage);
    const title = `Đường dây nóng ${tag}`;
    const id = await writePage(editorPage, { title, parent: parentLabel(fromTitle), address: `/to-chuc-${tag}/duong-day-nong-${tag}` });
    await publishPageNow(editorPage);

    // The page's own screen offers every page as its parent but itself.
    await editorPage.goto(`/admin/posts/${id}`);
    await expect(parentField(editorPage).getByRole("option", { name: title })).toHaveCount(0);
    await parentField(editorPage).selectOption({ label: parentLabel(toTitle) });
    const moved = `/lien-he-${tag}/duong-day-nong-${tag}`;
    await expect(addressHint(editorPage)).toContainText(`Địa chỉ trang: ${moved}.`);
    await press(editorPage, "Lưu");
    await expect(editorPage.getByText("Đã lưu trang.")).toBeVisible();
    expect(postRow(id).slug).toBe(moved.slice(1));

    const reader = await anonymousPage(browser);
    const old = await reader.request.get(`/to-chuc-${tag}/duong-day-nong-${tag}`, { maxRedirects: 0 });
    expect(old.status()).toBe(308);
    expect(old.headers().location).toBe(moved);
    await reader.goto(`/to-chuc-${tag}/duong-day-nong-${tag}`);
    await expect(reader).toHaveURL(new RegExp(`${moved}$`));
    await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });
});
