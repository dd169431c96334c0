import { expect, test } from "@playwright/test";
import { writeDb } from "./fixtures/db";
import { bodyEditor, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { stamp } from "./fixtures/stamp";
import { actionBar, closeDrawer, DESKTOP, openSettings, PHONE, screenFor } from "./fixtures/writing-screen";

// Issue 16 item 3: accessibility findings that move the cursor to the problem and block publishing.

test.describe("accessibility checked before publishing (issue 16 item 3)", () => {
  /** A draft whose body has an empty heading and a picture named by its file (errors) and a vague link (a warning). */
  function inaccessibleBody(postId: number) {
    const body = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Đoạn mở đầu của bài." }] },
        { type: "heading", attrs: { level: 2 }, content: [] },
        { type: "paragraph", content: [{ type: "text", text: "Xem " }, { type: "text", text: "tại đây", marks: [{ type: "link", attrs: { href: "https://noip.gov.vn" } }] }] },
        { type: "figure", attrs: { src: "https://noip.gov.vn/anh/IMG_2041.jpg", alt: "IMG_2041.jpg" }, content: [{ type: "text", text: "Toàn cảnh" }] },
        { type: "paragraph", content: [{ type: "text", text: "Đoạn cuối." }] },
      ],
    };
    writeDb((db) => db.prepare("UPDATE posts SET body = ? WHERE id = ?").run(JSON.stringify(body), postId));
  }

  for (const screen of [DESKTOP, PHONE]) {
    test(`each finding says where and how, moves the cursor there, and errors block publishing (${screen.width} px)`, async ({ browser }) => {
      const { page } = await screenFor(browser, "editor", DESKTOP);
      const postId = await writePost(page, { title: `Bài kiểm tra tiếp cận ${stamp()}`, lead: "Sapo" });
      inaccessibleBody(postId);
      await page.setViewportSize(screen);
      await page.goto(`/admin/posts/${postId}`);
      await openSettings(page);
      const findings = page.getByTestId("accessibility-findings");
      await expect(findings.getByRole("heading")).toHaveText("Khả năng tiếp cận của nội dung — 2 lỗi, 1 lưu ý");
      await expect(page.getByTestId("publish-checklist").getByRole("heading")).toHaveText("Trước khi xuất bản — còn thiếu 2 mục · 1 lưu ý");
      const items = findings.getByRole("listitem");
      await expect(items).toHaveCount(3);
      await expect(items.nth(0)).toHaveAttribute("data-severity", "error");
      await expect(items.nth(0).getByRole("button")).toHaveText("LỗiTiêu đề thứ 1 (H2) trống.");
      await expect(items.nth(0).getByRole("button")).toHaveAccessibleDescription(/Nhập nội dung cho tiêu đề/);
      await expect(items.nth(1)).toHaveAttribute("data-severity", "warning");
      await expect(items.nth(1).getByRole("button")).toContainText("Liên kết thứ 1 có chữ “tại đây”");
      await expect(items.nth(2).getByRole("button")).toContainText("Ảnh thứ 1 có mô tả là tên tệp “IMG_2041.jpg”.");

      // Publishing is refused on the server, listing the errors.
      await closeDrawer(page);
      await actionBar(page).getByRole("button", { name: "Xuất bản ngay" }).click();
      await expect(
        page.getByText("Chưa xuất bản được. Nội dung còn lỗi về khả năng tiếp cận: Tiêu đề thứ 1 (H2) trống; Ảnh thứ 1 có mô tả là tên tệp “IMG_2041.jpg”."),
      ).toBeVisible();
      expect(postRow(postId)).toMatchObject({ status: "draft", version: 1 });

      // The picture: selected as a whole, so Delete removes it.
      await openSettings(page);
      await items.nth(2).getByRole("button").click();
      await expect(bodyEditor(page)).toBeFocused();
      await expect(bodyEditor(page).locator("figure.ProseMirror-selectednode")).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "Đã chuyển đến: Ảnh thứ 1" })).toBeAttached();
      await page.keyboard.press("Delete");
      await expect(bodyEditor(page).locator("figure")).toHaveCount(0);

      // The empty heading: the cursor goes into it and what is typed fills it.
      await openSettings(page);
      await expect(items).toHaveCount(2);
      await items.nth(0).getByRole("button").click();
      await expect(bodyEditor(page)).toBeFocused();
      await expect(bodyEditor(page).locator("h2")).toBeInViewport();
      await page.keyboard.type("Kết quả");
      await expect(bodyEditor(page).locator("h2")).toHaveText("Kết quả");
      await openSettings(page);
      await expect(findings.getByRole("heading")).toHaveText("Khả năng tiếp cận của nội dung — 0 lỗi, 1 lưu ý");
      await closeDrawer(page);

      // A warning does not block.
      await actionBar(page).getByRole("button", { name: "Xuất bản ngay" }).click();
      await expect(page.getByText("Đã xuất bản bài viết.")).toBeVisible();
      expect(postRow(postId).status).toBe("published");
      await page.context().close();
    });
  }
});
