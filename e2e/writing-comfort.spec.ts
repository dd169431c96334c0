import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { png } from "./fixtures/images";
import { bodyEditor, openNewPost } from "./fixtures/post-form";
import { bodyJson, DESKTOP, screenFor } from "./fixtures/writing-screen";

// Issue 20: writing comfort in the body (Markdown shortcuts, the / menu, the format bar, pictures dropped in place).

test.describe("writing comfort in the body", () => {
  test.use({ viewport: DESKTOP });

  test("Markdown shortcuts, the / menu, the floating format bar, the placeholder, word count and reading time, from the keyboard", async ({ browser }) => {
    const { page } = await screenFor(browser, "author", DESKTOP);
    await openNewPost(page);
    const body = bodyEditor(page);
    await expect(body).toHaveAttribute("aria-placeholder", /Gõ \/ để chèn ảnh/);
    await expect(body.locator("p.is-editor-empty")).toHaveAttribute("data-placeholder", /Gõ \/ để chèn ảnh/);
    await body.click();
    await page.keyboard.type("## Phần mở đầu");
    await page.keyboard.press("Enter");
    await page.keyboard.type("- Mục một");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("1. Bước một");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("> Lời trích dẫn");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    const types = (await bodyJson(page)).content?.map((n) => n.type);
    expect(types).toEqual(expect.arrayContaining(["heading", "bulletList", "orderedList", "blockquote"]));

    // The / menu: announced, filtered without diacritics, Enter inserts.
    await page.keyboard.type("/");
    const menu = page.getByRole("listbox", { name: "Chèn vào bài" });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("option")).toHaveText([/^Ảnh/, /^Bộ sưu tập ảnh/, /^Bảng/, /^Chú thích ảnh/, /^Đường kẻ ngang/, /^Tiêu đề 2/, /^Tiêu đề 3/, /^Danh sách dấu chấm/, /^Danh sách đánh số/, /^Trích dẫn/]);
    await expect(page.getByTestId("slash-announcement")).toHaveText(/^Ảnh, 1 trên 10\./);
    await expect(body).toHaveAttribute("aria-activedescendant", /option-0$/);
    await expectNoAxeViolations(page);
    await page.keyboard.type("ke");
    await expect(menu.getByRole("option")).toHaveText([/^Đường kẻ ngang/]);
    await page.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    await expect.poll(async () => (await bodyJson(page)).content?.map((n) => n.type)).toContain("horizontalRule");
    await page.keyboard.type("/anh");
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("option", { selected: true })).toHaveText(/^Bộ sưu tập ảnh/);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Chọn ảnh từ thư viện" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(body).toBeFocused();
    await page.keyboard.type("/abc");
    await expect(page.getByTestId("slash-announcement")).toHaveText("Không có mục nào khớp. Esc để đóng.");
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("/bang");
    await expect(menu.getByRole("option")).toHaveText([/^Bảng/]);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await bodyJson(page)).content?.map((n) => n.type)).toContain("table");

    // The floating bar over a selection: Alt+F10 reaches it, Enter applies, Escape returns to the text.
    await page.keyboard.type("Một câu có chữ quan trọng");
    for (let i = 0; i < "quan trọng".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    const bubble = page.getByRole("toolbar", { name: "Định dạng đoạn đã chọn" });
    await expect(bubble).toBeVisible();
    await page.keyboard.press("Alt+F10");
    await expect(bubble.getByRole("button", { name: "Đậm" })).toBeFocused();
    // Applying a format goes back to the text, with the selection kept.
    await page.keyboard.press("Enter");
    await expect(body).toBeFocused();
    await expect(bubble.getByRole("button", { name: "Đậm" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Alt+F10");
    await page.keyboard.press("ArrowRight");
    await expect(bubble.getByRole("button", { name: "Nghiêng" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(body).toBeFocused();
    expect(JSON.stringify(await bodyJson(page))).toContain('{"type":"text","marks":[{"type":"bold"}],"text":"quan trọng"}');
    await page.keyboard.press("End");
    await expect(bubble).toBeHidden();

    await expect(page.getByTestId("editor-counts")).toHaveText(/^\d+ từ · \d+ ký tự$/);
    await expect(page.getByTestId("reading-time")).toHaveText("· khoảng 1 phút đọc");
    await page.context().close();
  });

  test("a picture dropped anywhere in the body uploads with its progress shown in place", async ({ browser }) => {
    const { page } = await screenFor(browser, "author", DESKTOP);
    await openNewPost(page);
    const body = bodyEditor(page);
    await body.click();
    await page.keyboard.type("Trước ảnh.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Sau ảnh.");
    // Hold the upload a moment, so the progress can be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/media", async (route) => {
      await held;
      await route.continue();
    });
    const photo = (await png("#447799", 640, 480)).toString("base64");
    const target = (await body.locator("p").first().boundingBox())!;
    await body.evaluate(
      (element, { data, x, y }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], "keo-tha.png", { type: "image/png" }));
        element.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true }));
      },
      { data: photo, x: target.x + target.width / 2, y: target.y + target.height - 2 },
    );
    const figure = body.locator("figure.is-uploading");
    await expect(figure).toBeVisible();
    await expect(figure.getByRole("status")).toHaveText("Đang tải ảnh lên…");
    await expect(figure.getByRole("progressbar", { name: "Tiến độ tải ảnh lên" })).toBeVisible();
    release();
    await expect(body.locator("figure img")).toHaveAttribute("src", /^\/media\//, { timeout: 15_000 });
    await expect(body.locator("figure.is-uploading")).toHaveCount(0);
    await expect(body.locator("figure progress")).toBeHidden();
    const types = (await bodyJson(page)).content?.map((n) => n.type) ?? [];
    expect(types.indexOf("figure")).toBeGreaterThan(0);
    expect(types.lastIndexOf("paragraph")).toBeGreaterThan(types.indexOf("figure"));
    await page.context().close();
  });
});
