import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import sharp from "sharp";
import { E2E_DATABASE_PATH } from "./env";
import { createUser, signIn, signedInPage, type TestUser } from "./fixtures/users";

// Tests run in parallel against one server and one database: every image gets a unique name and
// is found by it; nothing here depends on what else is in the library.
let counter = 0;
const stamp = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type FileSpec = { name: string; type: string; data?: Buffer; size?: number };

async function png(colour: string, width = 900, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

/** Drops files on an element the way a browser does: dragover, then drop with a DataTransfer. */
async function dropFiles(target: Locator, files: FileSpec[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, data: f.data?.toString("base64") ?? null, size: f.size ?? 0 }));
  const dataTransfer = await target.page().evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = f.data ? Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0)) : new Uint8Array(f.size);
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return transfer;
  }, payload);
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

function withDb<T>(run: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE_PATH);
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  // The search index triggers fold text with cms_fold, which the app registers on its own connections.
  db.function("cms_fold", { deterministic: true }, (text: unknown) =>
    typeof text === "string" ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase() : text,
  );
  try {
    return run(db);
  } finally {
    db.close();
  }
}

const uploadStatus = (page: Page, name: string) => page.locator("li[data-upload-status]").filter({ hasText: name });
const card = (page: Page, name: string) => page.locator("[data-media-card]").filter({ has: page.getByRole("heading", { name, exact: true }) });
const dropZone = (page: Page) => page.locator("[data-dropzone]").first();

async function uploadByApi(page: Page, name: string, colour: string): Promise<{ id: number; src: string; srcsetWebp: string }> {
  const response = await page.request.post("/api/media", {
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT || 3100}` },
    multipart: { file: { name, mimeType: "image/png", buffer: await png(colour) } },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).items[0];
}

test.describe("media library (/admin/media)", () => {
  test("an author drops several images at once, sees each one's progress, and finds them in the grid", async ({ page }) => {
    await signIn(page, await createUser("author"));
    const id = stamp();
    const names = [`hoi-nghi-${id}-1.png`, `hoi-nghi-${id}-2.png`, `hoi-nghi-${id}-3.png`];
    // Slow the uploads down a little so the progress state can be seen.
    await page.route("**/api/media", async (route) => {
      if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.goto("/admin/media");
    await expect(page.getByRole("heading", { level: 1, name: "Thư viện ảnh" })).toBeVisible();
    await dropFiles(dropZone(page), [
      { name: names[0]!, type: "image/png", data: await png("#aa2222") },
      { name: names[1]!, type: "image/png", data: await png("#22aa22") },
      { name: names[2]!, type: "image/png", data: await png("#2222aa") },
    ]);
    for (const name of names) await expect(uploadStatus(page, name).getByRole("progressbar")).toBeVisible();
    await expect(page.locator("li[data-upload-status=uploading]").first()).toContainText("Đang tải lên");
    for (const name of names) {
      await expect(uploadStatus(page, name)).toContainText("Đã tải lên");
      await expect(uploadStatus(page, name).getByRole("progressbar", { name: `Tiến độ tải ${name}` })).toHaveAttribute("value", "100");
    }
    // The grid is read again once the batch is done; newest first.
    for (const name of names) await expect(card(page, name)).toBeVisible();
    const thumbnail = card(page, names[0]!).locator("img");
    await expect(thumbnail).toHaveAttribute("width", "900");
    await expect(thumbnail).toHaveAttribute("height", "600");

    await page.getByLabel("Tìm theo tên tệp, mô tả hoặc chú thích").fill(`hoi-nghi-${id}-2`);
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(page.locator("[data-media-card]")).toHaveCount(1);
    await expect(card(page, names[1]!)).toBeVisible();
    await expectNoViolations(page);
  });

  test("files that are not accepted images get a Vietnamese message each, and nothing is stored", async ({ page }) => {
    await signIn(page, await createUser("author"));
    const id = stamp();
    await page.goto("/admin/media");
    await dropFiles(dropZone(page), [
      { name: `ghi-chu-${id}.png`, type: "image/png", data: Buffer.from('{"day":"là JSON, không phải ảnh"}') },
      { name: `logo-${id}.svg`, type: "image/svg+xml", data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
      { name: `rat-lon-${id}.jpg`, type: "image/jpeg", size: 21 * 1024 * 1024 },
      { name: `van-ban-${id}.txt`, type: "text/plain", data: Buffer.from("chữ") },
      { name: `tot-${id}.png`, type: "image/png", data: await png("#123456", 40, 40) },
    ]);
    await expect(uploadStatus(page, `ghi-chu-${id}.png`)).toContainText(/Lỗi: .*không phải ảnh/);
    await expect(uploadStatus(page, `logo-${id}.svg`)).toContainText(/Lỗi: .*SVG/);
    await expect(uploadStatus(page, `rat-lon-${id}.jpg`)).toContainText(/Lỗi: .*20 MB/);
    await expect(uploadStatus(page, `van-ban-${id}.txt`)).toContainText(/Lỗi: .*không phải ảnh/);
    // A good file in the same drop is not held back by the bad ones.
    await expect(uploadStatus(page, `tot-${id}.png`)).toContainText("Đã tải lên");
    const listed = await (await page.request.get(`/api/media?q=${id}`)).json();
    expect(listed.items.map((m: { name: string }) => m.name)).toEqual([`tot-${id}.png`]);
  });

  test("the uploader and editors edit alt text and caption; other authors only read them", async ({ page, browser }) => {
    const author = await createUser("author");
    await signIn(page, author);
    const name = `le-ky-niem-${stamp()}.png`;
    await uploadByApi(page, name, "#884422");
    await page.goto(`/admin/media?q=${encodeURIComponent(name)}`);
    const mine = card(page, name);
    await expect(mine).toContainText("Chưa có mô tả ảnh");
    await mine.getByLabel("Mô tả ảnh (alt)").fill("Lãnh đạo Cục   trao giấy khen");
    await mine.getByLabel("Chú thích mặc định").fill("Lễ kỷ niệm ngày thành lập Cục");
    await mine.getByRole("button", { name: /^Lưu/ }).click();
    await expect(mine.getByRole("status").filter({ hasText: "Đã lưu" })).toHaveText("Đã lưu mô tả và chú thích ảnh.");
    await page.reload();
    await expect(card(page, name).getByLabel("Mô tả ảnh (alt)")).toHaveValue("Lãnh đạo Cục trao giấy khen");
    await expect(card(page, name).getByLabel("Chú thích mặc định")).toHaveValue("Lễ kỷ niệm ngày thành lập Cục");
    await expect(card(page, name)).not.toContainText("Chưa có mô tả ảnh");
    // The picker's search finds it by its alt text, diacritics or not.
    const found = await (await page.request.get(`/api/media?q=${encodeURIComponent("lanh dao cuc trao")}`)).json();
    expect(found.items.some((m: { name: string; alt: string }) => m.name === name && m.alt === "Lãnh đạo Cục trao giấy khen")).toBe(true);

    const other = await signedInPage(browser, await createUser("author"));
    await other.goto(`/admin/media?q=${encodeURIComponent(name)}`);
    await expect(card(other, name)).toContainText("Lãnh đạo Cục trao giấy khen");
    await expect(card(other, name).getByLabel("Mô tả ảnh (alt)")).toHaveCount(0);
    await expect(card(other, name).getByRole("button", { name: /Xoá ảnh/ })).toHaveCount(0);

    const editor = await signedInPage(browser, await createUser("editor"));
    await editor.goto(`/admin/media?q=${encodeURIComponent(name)}`);
    await card(editor, name).getByLabel("Chú thích mặc định").fill("Toàn cảnh buổi lễ");
    await card(editor, name).getByRole("button", { name: /^Lưu/ }).click();
    await expect(card(editor, name).getByRole("status").filter({ hasText: "Đã lưu" })).toHaveText("Đã lưu mô tả và chú thích ảnh.");
  });

  test("deleting an image a post uses is refused with the post's title; once unused it is deleted, files too", async ({ page }) => {
    const editor: TestUser = await createUser("editor");
    await signIn(page, editor);
    const id = stamp();
    const name = `dung-trong-bai-${id}.png`;
    const image = await uploadByApi(page, name, "#336699");
    const title = `Bài dùng ảnh ${id}`;
    const postId = withDb((db) => {
      const categoryId = (db.prepare("select id from categories order by id limit 1").get() as { id: number }).id;
      const post = db
        .prepare("insert into posts (title, slug, body, category_id, author_id, status) values (?, ?, ?, ?, ?, 'draft') returning id")
        .get(title, `bai-dung-anh-${id}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] }), categoryId, editor.id) as { id: number };
      db.prepare("insert into post_media (post_id, media_id) values (?, ?)").run(post.id, image.id);
      return post.id;
    });

    await page.goto(`/admin/media?q=${encodeURIComponent(name)}`);
    await expect(card(page, name).getByRole("list", { name: `Bài viết dùng ảnh ${name}` })).toContainText(title);
    await card(page, name).getByRole("button", { name: /Xoá ảnh/ }).click();
    await card(page, name).getByRole("button", { name: /Xác nhận xoá/ }).click();
    await expect(card(page, name).getByRole("status").filter({ hasText: "Không thể xoá" })).toContainText(`ảnh đang được dùng trong 1 bài viết: “${title}”`);
    await page.reload();
    await expect(card(page, name)).toBeVisible();

    withDb((db) => db.prepare("delete from posts where id = ?").run(postId)); // post_media goes with it (cascade)
    await page.reload();
    await expect(card(page, name)).toContainText("Chưa dùng trong bài viết nào.");
    await card(page, name).getByRole("button", { name: /Xoá ảnh/ }).click();
    await card(page, name).getByRole("button", { name: /Xác nhận xoá/ }).click();
    await expect(card(page, name)).toHaveCount(0);
    expect((await page.request.get(image.src)).status()).toBe(404);
    expect((await page.request.get(image.srcsetWebp.split(" ")[0]!)).status()).toBe(404);
  });

  test("the picker's list needs a session; an author gets no delete button", async ({ page, request }) => {
    const anonymous = await request.get("/api/media");
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error).toMatch(/đăng nhập/);
    await signIn(page, await createUser("author"));
    const listed = await page.request.get("/api/media?page=1&q=");
    expect(listed.status()).toBe(200);
    expect(listed.headers()["cache-control"]).toContain("no-store");
    const body = await listed.json();
    expect(body).toMatchObject({ page: 1, pageCount: expect.any(Number), total: expect.any(Number) });
    await page.goto("/admin/media");
    await expect(page.getByRole("button", { name: /Xoá ảnh/ })).toHaveCount(0);
  });
});

// The editor component, through the post form that uses it. Nothing is saved here: the hidden
// `body` field the form submits is read instead (saving is the post form's own spec).
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
    await expectNoViolations(page);
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
    await expectNoViolations(page);
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
    await expectNoViolations(page);
  });

  test("pasting from Word is cleaned; pasted pictures (files and data: images) are uploaded and become figures", async ({ page }) => {
    await openEditor(page);
    const word = fs.readFileSync(path.join("tests", "fixtures", "paste", "word.html"), "utf8");
    const paste = (data: { html?: string; text?: string; file?: { name: string; type: string; data: string } }) =>
      content(page).evaluate((element, d) => {
        const transfer = new DataTransfer();
        if (d.html) transfer.setData("text/html", d.html);
        if (d.text) transfer.setData("text/plain", d.text);
        if (d.file) transfer.items.add(new File([Uint8Array.from(atob(d.file.data), (c) => c.charCodeAt(0))], d.file.name, { type: d.file.type }));
        element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, data);

    await paste({ html: word, text: "Kết quả Hội nghị tổng kết" });
    await expect(content(page).locator("ul li").first()).toContainText("Tập trung kiện toàn cơ cấu tổ chức;");
    const html = await content(page).innerHTML();
    expect(html).not.toMatch(/mso-|Mso|o:p|font-family/);
    const json = await body(page);
    for (const type of ["heading", "bulletList", "orderedList", "table"]) expect(types(json)).toContain(type);

    const photo = await png("#446688", 640, 480);
    await paste({ file: { name: "anh-chup.png", type: "image/png", data: photo.toString("base64") } });
    await paste({ html: `<p><img src="data:image/png;base64,${(await png("#884466", 320, 240)).toString("base64")}" alt="Ảnh dán"></p>` });
    await expect(content(page).locator("figure img[src^='/media/']")).toHaveCount(2);
    await expect(content(page).locator("figure.is-uploading")).toHaveCount(0);
    const figures = find(await body(page), "figure");
    expect(figures.map((f) => f.attrs?.src)).toEqual([expect.stringMatching(/^\/media\//), expect.stringMatching(/^\/media\//)]);
    expect(JSON.stringify(await body(page))).not.toMatch(/data:|blob:/);

    // A pasted file that is not an image: a message, nothing inserted.
    await paste({ file: { name: "bao-cao.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4").toString("base64") } });
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
    await expectNoViolations(page);
  });
});
