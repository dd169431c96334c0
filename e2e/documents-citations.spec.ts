import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { readDb } from "./fixtures/db";
import { bodyEditor, publishNow, tool, writePost } from "./fixtures/post-form";
import { anonymousPage, expectPublicArticle } from "./fixtures/public-article";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

const postSlug = (id: number) => readDb((db) => (db.prepare("SELECT slug FROM posts WHERE id = ?").get(id) as { slug: string }).slug);

test.describe("documents cited by news posts", () => {
  test("an editor picks a related document from the keyboard and links a number typed in the text; readers see both, and the documents list the post", async ({ browser }) => {
    test.setTimeout(90_000);
    const id = stamp();
    const page = await signedInPage(browser, await createUser("editor"));
    const title = `Bài dẫn chiếu văn bản ${id}`;
    const postId = await writePost(page, { title, lead: "Sapo của bài dẫn chiếu", text: "Theo Thông tư 23/2023/TT-BKHCN và Nghị định 99/2099/NĐ-CP." });

    // The picker: typed loosely, chosen with the arrows and Enter, never submitting the form.
    const picker = page.getByRole("combobox", { name: "Thêm văn bản liên quan" });
    await picker.fill("65 2023 nd cp");
    await expect(page.getByRole("listbox", { name: "Văn bản tìm thấy" }).getByRole("option").first()).toContainText("65/2023/NĐ-CP");
    await picker.press("ArrowDown");
    await picker.press("ArrowUp");
    await picker.press("Enter");
    const chosen = page.getByRole("list", { name: "Văn bản liên quan đã chọn" });
    await expect(chosen.getByRole("listitem")).toHaveCount(1);
    await expect(chosen).toContainText("Nghị định 65/2023/NĐ-CP");
    await expect(picker).toBeFocused();
    await expect(picker).toHaveValue("");

    // The number typed in the text becomes a link to its record; the unknown one stays text.
    await bodyEditor(page).click();
    await tool(page, "Liên kết số văn bản").click();
    await expect(page.getByTestId("editor-info")).toContainText("Đã liên kết 1 số văn bản với sổ văn bản. 1 số không có trong sổ văn bản");
    await expect(bodyEditor(page).getByRole("link", { name: "23/2023/TT-BKHCN" })).toHaveAttribute("href", "/van-ban/23-2023-tt-bkhcn");
    await expectNoAxeViolations(page);

    await publishNow(page);
    const reader = await anonymousPage(browser);
    await expectPublicArticle(reader, postSlug(postId), title);
    const related = reader.getByRole("region", { name: "Văn bản liên quan" });
    await expect(related.getByRole("link", { name: "Nghị định 65/2023/NĐ-CP" })).toHaveAttribute("href", "/van-ban/65-2023-nd-cp");
    await expect(related).toContainText("Quy định chi tiết");
    await expect(reader.locator(".article-body").getByRole("link", { name: "23/2023/TT-BKHCN" })).toHaveAttribute("href", "/van-ban/23-2023-tt-bkhcn");
    await expectNoAxeViolations(reader);

    // Both documents list the post among the posts that cite them (picked, or linked in its text).
    for (const document of ["/van-ban/65-2023-nd-cp", "/van-ban/23-2023-tt-bkhcn"]) {
      await reader.goto(document);
      await expect(reader.getByRole("region", { name: "Bài viết dẫn chiếu" }).getByRole("link", { name: title })).toHaveAttribute("href", `/tin-tuc/${postSlug(postId)}`);
    }

    // Taken out of the list and saved, the article no longer shows it.
    await page.getByRole("button", { name: "Bỏ Nghị định 65/2023/NĐ-CP" }).click();
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Đã lưu bài viết.")).toBeVisible();
    await expect(async () => {
      await reader.goto(`/tin-tuc/${postSlug(postId)}`);
      await expect(reader.getByRole("region", { name: "Văn bản liên quan" })).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  });
});
