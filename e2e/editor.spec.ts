import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { paste, WORD_HTML } from "./fixtures/clipboard";
import { png } from "./fixtures/images";
import { uploadStatus } from "./fixtures/media";
import { stamp } from "./fixtures/stamp";
import { createUser, signIn } from "./fixtures/users";

// The editor component, through the post form that uses it. Nothing is saved here: the hidden
// `body` field the form submits is read instead (saving is covered by the posts-*.spec files).
test.describe("rich-text editor (/admin/posts/new)", () => {
  const content = (page: Page) => page.locator(".ProseMirror");
  const toolbar = (page: Page) => page.getByRole("toolbar", { name: "Định dạng nội dung" });
  const tool = (page: Page, name: string) => toolbar(page).getByRole("button", { name, exact: true });
  type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; marks?: Array<{ type: string; attrs?: Record<string, unknown> }>; text?: string };
  const body = async (page: Page): Promise<Json> => JSON.parse(await page.locator('input[type="hidden"][name="body"]').inputValue());
  const types = (json: Json): string[] => [json.type, ...(json.content ?? []).flatMap(types)];
  const find = (json: Json, type: string): Json[] => [...(json.type === type ? [json] : []), ...(json.content ?? []).flatMap((c) => find(c, type))];

  async function openEditor(page: Page, role: "author" | "editor" = "author") {
    await signIn(page, await createUser(role));
    await page.goto("/admin/posts/new");
    await expect(content(page)).toBeVisible();
    await content(page).click();
  }

  test("every toolbar feature, with pressed states, shortcuts and counts, ends up in the submitted JSON", async ({ page }) => {
    await openEditor(page);
    await tool(page, "Tiêu đề 2").click();
    await page.keyboard.type("Kết quả Hội nghị");
    await expect(tool(page, "Tiêu đề 2")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Enter");
    await expect(tool(page, "Đoạn văn")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("Đảng bộ");
    await expect(tool(page, "Đậm")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(" đã ");
    await tool(page, "Nghiêng").click();
    await page.keyboard.type("họp");
    await tool(page, "Nghiêng").click();
    await tool(page, "Gạch chân").click();
    await page.keyboard.type(" gạch");
    await tool(page, "Gạch chân").click();
    await tool(page, "Gạch ngang").click();
    await page.keyboard.type(" xoá");
    await tool(page, "Gạch ngang").click();
    await tool(page, "Căn giữa").click();
    await expect(tool(page, "Căn giữa")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Enter");
    await tool(page, "Căn đều hai bên").click();
    await tool(page, "Danh sách dấu chấm").click();
    await page.keyboard.type("Một");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Hai");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await tool(page, "Danh sách đánh số").click();
    await page.keyboard.type("Bước một");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await tool(page, "Trích dẫn").click();
    await page.keyboard.type("Trích dẫn lời đồng chí Bí thư");
    await expect(tool(page, "Trích dẫn")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Enter");
    await tool(page, "Trích dẫn").click(); // the new, empty line leaves the quotation
    await tool(page, "Tiêu đề 3").click();
    await page.keyboard.type("Ba");
    await page.keyboard.press("Enter");
    await tool(page, "Tiêu đề 4").click();
    await page.keyboard.type("Bốn");
    await page.keyboard.press("Enter");
    await tool(page, "Chú thích ảnh").click();
    await page.keyboard.type("Toàn cảnh Hội nghị");
    await expect(tool(page, "Chú thích ảnh")).toHaveAttribute("aria-pressed", "true");
    await tool(page, "Đường kẻ ngang").click();
    await tool(page, "Chèn bảng").click();
    await page.keyboard.type("Đơn vị");
    await tool(page, "Thêm hàng").click();
    await tool(page, "Thêm cột").click();
    await tool(page, "Xoá cột").click();

    const json = await body(page);
    const all = types(json);
    for (const type of ["heading", "bulletList", "orderedList", "blockquote", "captionParagraph", "horizontalRule", "table", "tableHeader", "tableCell"]) expect(all, type).toContain(type);
    expect(find(json, "heading").map((h) => h.attrs?.level)).toEqual([2, 3, 4]);
    const marks = find(json, "text").flatMap((t) => (t.marks ?? []).map((m) => m.type));
    for (const mark of ["bold", "italic", "underline", "strike"]) expect(marks).toContain(mark);
    expect(find(json, "paragraph").some((p) => p.attrs?.textAlign === "center")).toBe(true);
    expect(find(json, "tableRow")).toHaveLength(4); // 3 rows + the one added
    expect(find(json, "tableRow")[0]!.content).toHaveLength(3); // a column added, then removed

    await expect(page.getByTestId("editor-counts")).toHaveText(/^\d+ từ · \d+ ký tự$/);
    const [, words] = /^(\d+) từ/.exec((await page.getByTestId("editor-counts").textContent()) ?? "")!;
    expect(Number(words)).toBeGreaterThan(15);

    await tool(page, "Xoá bảng").click();
    await expect.poll(async () => types(await body(page))).not.toContain("table");
    await page.keyboard.press("Control+z");
    await expect.poll(async () => types(await body(page))).toContain("table");
    await tool(page, "Làm lại").click();
    await expect.poll(async () => types(await body(page))).not.toContain("table");
  });

  test("links: the address is checked, javascript: is refused in Vietnamese, a good one is applied", async ({ page }) => {
    await openEditor(page);
    await page.keyboard.type("Xem trang tin");
    // Select only once the text is really there, so the dialog links it instead of asking for text.
    await expect(page.locator(".ProseMirror")).toContainText("Xem trang tin");
    await page.keyboard.press("Shift+Home");
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("Xem trang tin");
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Chèn liên kết" });
    await expect(dialog).toBeVisible();
    const address = dialog.getByLabel("Địa chỉ liên kết");
    await expect(address).toBeFocused();
    for (const bad of ["javascript:alert(1)", " JaVaScRiPt:alert(document.cookie)", "java\tscript:alert(1)"]) {
      await address.fill(bad);
      await dialog.getByRole("button", { name: "Áp dụng" }).click();
      await expect(dialog.getByText(/Không được dùng liên kết “javascript:”/)).toBeVisible();
      await expect(address).toHaveAttribute("aria-invalid", "true");
    }
    await address.fill("data:text/html,<script>alert(1)</script>");
    await dialog.getByRole("button", { name: "Áp dụng" }).click();
    await expect(dialog.getByText(/Liên kết phải bắt đầu bằng http/)).toBeVisible();
    await expectNoAxeViolations(page);
    await address.fill("noip.gov.vn/tin-tuc");
    await dialog.getByRole("button", { name: "Áp dụng" }).click();
    await expect(dialog).toHaveCount(0);
    const links = find(await body(page), "text").flatMap((t) => (t.marks ?? []).filter((m) => m.type === "link"));
    expect(links.map((m) => m.attrs?.href)).toEqual(["https://noip.gov.vn/tin-tuc"]);
    await expect(tool(page, "Liên kết")).toHaveAttribute("aria-pressed", "true");
    expect(JSON.stringify(await body(page))).not.toContain("javascript");
  });

  test("an image with its caption and a gallery come from the picker (uploading there first) with responsive sources", async ({ page }) => {
    await openEditor(page);
    const id = stamp();
    await page.keyboard.type("Mở đầu");
    await tool(page, "Ảnh").click();
    const picker = page.getByRole("dialog", { name: "Chọn ảnh từ thư viện" });
    await expect(picker).toBeVisible();
    await picker.locator('input[type="file"]').setInputFiles({ name: `toan-canh-${id}.png`, mimeType: "image/png", buffer: await png("#aa5500") });
    await expect(uploadStatus(page, `toan-canh-${id}.png`)).toContainText("Đã tải lên");
    await expectNoAxeViolations(page);
    await picker.getByRole("button", { name: "Chọn ảnh này" }).click();
    await expect(picker).toHaveCount(0);
    const figure = content(page).locator("figure").first();
    await expect(figure.locator("img")).toHaveAttribute("src", /^\/media\//);
    await figure.locator("figcaption").click();
    await page.keyboard.type("Toàn cảnh Hội nghị");
    await page.keyboard.press("Enter"); // leaves the caption for a new paragraph below the photo
    await page.keyboard.type("Một số hình ảnh tại Hội nghị:");

    await tool(page, "Bộ sưu tập ảnh").click();
    const galleryPicker = page.getByRole("dialog", { name: "Chọn ảnh cho bộ sưu tập" });
    await galleryPicker.locator('input[type="file"]').setInputFiles([
      { name: `anh-a-${id}.png`, mimeType: "image/png", buffer: await png("#115599") },
      { name: `anh-b-${id}.png`, mimeType: "image/png", buffer: await png("#991155") },
    ]);
    await expect(uploadStatus(page, `anh-a-${id}.png`)).toContainText("Đã tải lên");
    await expect(uploadStatus(page, `anh-b-${id}.png`)).toContainText("Đã tải lên");
    await expect(galleryPicker.getByRole("button", { name: "Chèn 2 ảnh" })).toBeEnabled();
    await galleryPicker.getByRole("button", { name: "Chèn 2 ảnh" }).click();
    await expect(content(page).locator(".gallery figure")).toHaveCount(2);

    const json = await body(page);
    const figures = find(json, "figure");
    expect(figures).toHaveLength(3);
    for (const f of figures) {
      expect(f.attrs).toMatchObject({ src: expect.stringMatching(/^\/media\//), mediaId: expect.any(Number), width: 900, height: 600 });
      expect(f.attrs?.srcsetWebp).toMatch(/^\/media\/\S+\.webp 480w/);
    }
    expect(figures[0]!.content?.map((t) => t.text).join("")).toBe("Toàn cảnh Hội nghị");
    expect(find(json, "gallery")[0]!.content).toHaveLength(2);
    await expectNoAxeViolations(page);
  });

  test("pasting from Word is cleaned; pasted pictures (files and data: images) are uploaded and become figures", async ({ page }) => {
    await openEditor(page);
    await paste(content(page), { html: WORD_HTML, text: "Kết quả Hội nghị tổng kết" });
    await expect(content(page).locator("ul li").first()).toContainText("Tập trung kiện toàn cơ cấu tổ chức;");
    const html = await content(page).innerHTML();
    expect(html).not.toMatch(/mso-|Mso|o:p|font-family/);
    const json = await body(page);
    for (const type of ["heading", "bulletList", "orderedList", "table"]) expect(types(json)).toContain(type);

    const photo = await png("#446688", 640, 480);
    await paste(content(page), { file: { name: "anh-chup.png", type: "image/png", data: photo.toString("base64") } });
    await paste(content(page), { html: `<p><img src="data:image/png;base64,${(await png("#884466", 320, 240)).toString("base64")}" alt="Ảnh dán"></p>` });
    await expect(content(page).locator("figure img[src^='/media/']")).toHaveCount(2);
    await expect(content(page).locator("figure.is-uploading")).toHaveCount(0);
    const figures = find(await body(page), "figure");
    expect(figures.map((f) => f.attrs?.src)).toEqual([expect.stringMatching(/^\/media\//), expect.stringMatching(/^\/media\//)]);
    expect(JSON.stringify(await body(page))).not.toMatch(/data:|blob:/);

    // A pasted file that is not an image: a message, nothing inserted.
    await paste(content(page), { file: { name: "bao-cao.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4").toString("base64") } });
    await expect(page.getByText(/bao-cao\.pdf.*không phải ảnh/)).toBeVisible();
  });

  test("the toolbar is one tab stop that Alt+F10 reaches and arrow keys move through; axe is clean", async ({ page }) => {
    await openEditor(page);
    await page.keyboard.type("Chữ");
    await page.keyboard.press("Alt+F10");
    const focused = page.locator(":focus");
    await expect(focused).toHaveAttribute("title", /Đoạn văn/);
    await page.keyboard.press("ArrowRight");
    await expect(focused).toHaveAttribute("title", /Tiêu đề 2/);
    await page.keyboard.press("End");
    await expect(focused).toHaveAttribute("title", /Hoàn tác/);
    await expect(toolbar(page).locator('button[tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press("Escape");
    await expect(content(page)).toBeFocused();
    await expectNoAxeViolations(page);
  });
});
