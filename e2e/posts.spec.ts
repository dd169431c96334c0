import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./env";
import { samples } from "./fixtures/samples";
import { createUser, signedInPage, type TestUser } from "./fixtures/users";

// Other specs run in parallel against the same server, so every test makes its own accounts and
// posts and finds them by a unique stamp rather than by position or count.
let counter = 0;
function stamp(): string {
  return `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const WORD_HTML = fs.readFileSync(path.resolve("tests/fixtures/paste/word.html"), "utf8");
const CATEGORY = samples.categories.party.name;

type PostRow = { id: number; title: string; slug: string; lead: string; status: string; version: number; author_id: number; body_html: string; deleted_at: number | null; source: string };

/** Read-only look into the e2e database, to prove what the pages say (and that refusals wrote nothing). */
function readDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const postRow = (id: number) => readDb((db) => db.prepare("select * from posts where id = ?").get(id) as PostRow);
const postsWithLead = (lead: string) => readDb((db) => (db.prepare("select count(*) as n from posts where lead = ?").get(lead) as { n: number }).n);

/** Fails the test if any script manages to open a dialog on this page. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

// ─── The post form, as a page object ───────────────────────────────────────────────────────────

const titleField = (page: Page) => page.getByLabel("Tiêu đề", { exact: true });
const slugField = (page: Page) => page.getByLabel("Đường dẫn", { exact: true });
const leadField = (page: Page) => page.getByLabel("Sapo", { exact: true });
const bodyEditor = (page: Page) => page.getByRole("textbox", { name: "Nội dung" });
const tool = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

async function openNewPost(page: Page): Promise<void> {
  await page.goto("/admin/posts/new");
  await expect(bodyEditor(page)).toBeVisible();
}

async function fillBasics(page: Page, post: { title: string; lead?: string; category?: string }): Promise<void> {
  await titleField(page).fill(post.title);
  if (post.lead !== undefined) await leadField(page).fill(post.lead);
  await page.getByLabel("Chuyên mục", { exact: true }).selectOption({ label: post.category ?? CATEGORY });
}

/** Saves a new post and returns its id, read from the edit page it continues on. */
async function saveNew(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await page.waitForURL(/\/admin\/posts\/\d+\?moi=1$/);
  return Number(/\/admin\/posts\/(\d+)/.exec(page.url())![1]);
}

async function writePost(page: Page, post: { title: string; lead?: string; text?: string }): Promise<number> {
  await openNewPost(page);
  await fillBasics(page, post);
  await bodyEditor(page).click();
  await page.keyboard.type(post.text ?? "Nội dung bài viết thử.");
  return saveNew(page);
}

/** A paste as the browser delivers it from the clipboard: a `paste` event carrying text/html. */
async function pasteHtml(editor: Locator, html: string): Promise<void> {
  await editor.evaluate((element, markup) => {
    const data = new DataTransfer();
    data.setData("text/html", markup);
    data.setData("text/plain", markup.replace(/<[^>]*>/g, " "));
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function uploadInPicker(page: Page, name: string, colour: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Chọn ảnh từ thư viện" });
  await expect(dialog).toBeVisible();
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } }).jpeg().toBuffer();
  await dialog.getByTestId("media-file-input").setInputFiles({ name, mimeType: "image/jpeg", buffer: photo });
  await expect(dialog.getByText(`Đã tải lên ${name}.`)).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Chọn ảnh này" }).click();
  await expect(dialog).toBeHidden();
}

async function publishNow(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Xuất bản ngay" }).click();
  await expect(page.getByText("Đã xuất bản bài viết.")).toBeVisible();
}

async function anonymousPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The public cache refreshes through the outbox poller within about a second. */
async function expectPublicArticle(reader: Page, slug: string, title: string): Promise<void> {
  await expect(async () => {
    const response = await reader.goto(`/tin-tuc/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

async function expectPublicMissing(reader: Page, slug: string): Promise<void> {
  await expect(async () => {
    const response = await reader.goto(`/tin-tuc/${slug}`);
    expect(response?.status()).toBe(404);
  }).toPass({ timeout: 15_000 });
}

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
    await tool(page, "Liên kết").click();
    const linkDialog = page.getByRole("dialog", { name: "Chèn liên kết" });
    await linkDialog.getByLabel("Địa chỉ liên kết").fill("https://noip.gov.vn");
    await linkDialog.getByLabel("Chữ hiển thị").fill("trang tin của Cục");
    await linkDialog.getByRole("button", { name: "Áp dụng" }).click();
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
    await expect(editorPage.getByText(/chưa có mô tả ảnh \(alt\)/)).toBeVisible();
    expect(postRow(postId)).toMatchObject({ status: "draft", version: 1 });
    for (const name of [`than-bai-${id}.jpg`, `dai-dien-${id}.jpg`]) {
      await editorPage.goto(`/admin/media?q=${encodeURIComponent(name)}`);
      const card = editorPage.locator("article[data-media-card]").filter({ hasText: name });
      await card.getByLabel("Mô tả ảnh (alt)").fill(`Ảnh minh hoạ ${name}`);
      await card.getByRole("button", { name: /^Lưu/ }).click();
      await expect(card.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
    }
    await editorPage.goto(`/admin/posts/${postId}`);
    await publishNow(editorPage);
    expect(postRow(postId)).toMatchObject({ status: "published", version: 2 });
    await expect.poll(() => postRow(postId).body_html).toContain(`alt="Ảnh minh hoạ than-bai-${id}.jpg"`);
    await expectPublicArticle(reader, saved.slug, title);
    // The preview is what readers get: the same parts, byte for byte.
    await editorPage.goto(`/admin/posts/${postId}/preview`);
    expect(await articleParts(reader)).toEqual(await articleParts(editorPage));
    await expect(async () => {
      await reader.goto("/");
      await expect(reader.locator("main article h2", { hasText: title })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });

    expect(dialogs).toEqual([]);
    expect(readerDialogs).toEqual([]);
    await Promise.all([page.context().close(), editorPage.context().close(), reader.context().close()]);
  });

  test("two editors save the same post: the second gets the conflict message and the first's text is kept", async ({ browser }) => {
    const id = stamp();
    const [first, second] = [await createUser("editor"), await createUser("editor")];
    const one = await signedInPage(browser, first);
    const postId = await writePost(one, { title: `Bài hai người sửa ${id}`, lead: "Sapo ban đầu" });
    const two = await signedInPage(browser, second);
    await two.goto(`/admin/posts/${postId}`);
    await expect(bodyEditor(two)).toBeVisible();

    await leadField(one).fill(`Bản của người thứ nhất ${id}`);
    await one.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(one.getByText("Đã lưu bài viết.")).toBeVisible();

    await leadField(two).fill(`Bản của người thứ hai ${id}`);
    await two.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(two.getByText(/Bài viết đã được người khác sửa/)).toBeVisible();
    // Nothing overwritten, and what the second editor typed is still on their screen.
    expect(postRow(postId)).toMatchObject({ lead: `Bản của người thứ nhất ${id}`, version: 2 });
    await expect(leadField(two)).toHaveValue(`Bản của người thứ hai ${id}`);
    // Saving again is refused again: never a silent overwrite.
    await two.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(two.getByRole("button", { name: "Lưu", exact: true })).toBeEnabled();
    expect(postRow(postId)).toMatchObject({ lead: `Bản của người thứ nhất ${id}`, version: 2 });
    await Promise.all([one.context().close(), two.context().close()]);
  });

  test("author B can neither open author A's draft nor save it with a replayed action", async ({ browser }) => {
    const id = stamp();
    const a: TestUser = await createUser("author");
    const b: TestUser = await createUser("author");
    const pageA = await signedInPage(browser, a);
    const draftA = await writePost(pageA, { title: `Bản nháp của A ${id}`, lead: "Sapo của A" });
    const before = postRow(draftA);

    const pageB = await signedInPage(browser, b);
    for (const url of [`/admin/posts/${draftA}`, `/admin/posts/${draftA}/preview`]) {
      const response = await pageB.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(pageB.getByText(`Bản nháp của A ${id}`)).toHaveCount(0);
    }
    await pageB.goto(`/admin/posts?q=${encodeURIComponent(id)}`);
    await expect(pageB.locator(`tr[data-post-id="${draftA}"]`)).toHaveCount(0);

    // B's own form, pointed at A's post: the real action, a crafted request.
    const draftB = await writePost(pageB, { title: `Bài của B ${id}` });
    await titleField(pageB).fill(`Chiếm bài ${id}`);
    // Changed last: React puts a controlled field back on its next render.
    await pageB.locator('form[aria-label="Sửa bài viết"] input[name="id"]').evaluate((input, target) => {
      (input as HTMLInputElement).value = String(target);
    }, draftA);
    await pageB.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(pageB.getByText("Không tìm thấy bài viết này, hoặc bạn không có quyền xem.")).toBeVisible();
    expect(postRow(draftA)).toEqual(before);
    expect(postRow(draftB).title).toBe(`Bài của B ${id}`);
    const denied = readDb((db) => db.prepare("select count(*) as n from activity_log where action = 'security.denied' and actor_id = ? and object_id = ?").get(b.id, String(draftA)) as { n: number });
    expect(denied.n).toBeGreaterThan(0);
    await Promise.all([pageA.context().close(), pageB.context().close()]);
  });

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

    // Taking the suggestion saves, with everything that was typed.
    await page.getByRole("button", { name: `Dùng “${samples.conference2020.slug}-2”` }).click();
    const postId = await saveNew(page);
    expect(postRow(postId)).toMatchObject({ slug: `${samples.conference2020.slug}-2`, lead, title: `Bài thử đường dẫn ${id}` });
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
    await tool(page, "Liên kết").click();
    const linkDialog = page.getByRole("dialog", { name: "Chèn liên kết" });
    await linkDialog.getByLabel("Địa chỉ liên kết").fill("javascript:alert(15)");
    await linkDialog.getByLabel("Chữ hiển thị").fill("xấu");
    await linkDialog.getByRole("button", { name: "Áp dụng" }).click();
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

  test("trash takes a published post off the site at once; restore brings it back", async ({ browser }) => {
    const id = stamp();
    const editorUser = await createUser("editor");
    const page = await signedInPage(browser, editorUser);
    const title = `Bài vào thùng rác ${id}`;
    const postId = await writePost(page, { title, lead: "Sapo" });
    await publishNow(page);
    const { slug } = postRow(postId);
    const reader = await anonymousPage(browser);
    await expectPublicArticle(reader, slug, title);

    await page.goto(`/admin/posts?q=${encodeURIComponent(id)}`);
    await page.getByRole("checkbox", { name: `Chọn bài “${title}”` }).check();
    await page.getByRole("button", { name: "Chuyển vào thùng rác" }).click();
    await expect(page.getByText("Đã chuyển 1 bài viết vào thùng rác.")).toBeVisible();
    expect(postRow(postId).deleted_at).not.toBeNull();
    await expectPublicMissing(reader, slug);

    await page.getByRole("link", { name: "Thùng rác" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thùng rác" })).toBeVisible();
    await page.getByRole("checkbox", { name: `Chọn bài “${title}”` }).check();
    await page.getByRole("button", { name: "Khôi phục" }).click();
    await expect(page.getByText("Đã khôi phục 1 bài viết.")).toBeVisible();
    expect(postRow(postId)).toMatchObject({ deleted_at: null, status: "published" });
    await expectPublicArticle(reader, slug, title);
    await Promise.all([page.context().close(), reader.context().close()]);
  });

  test("authors see only their own posts, without the author filter or bulk actions", async ({ browser }) => {
    const id = stamp();
    const [a, b] = [await createUser("author"), await createUser("author")];
    const pageA = await signedInPage(browser, a);
    const pageB = await signedInPage(browser, b);
    const postA = await writePost(pageA, { title: `Tin riêng A ${id}` });
    const postB = await writePost(pageB, { title: `Tin riêng B ${id}` });
    await pageA.goto(`/admin/posts?q=${encodeURIComponent(id)}`);
    await expect(pageA.locator("tbody tr")).toHaveCount(1);
    await expect(pageA.locator(`tr[data-post-id="${postA}"]`)).toBeVisible();
    await expect(pageA.locator(`tr[data-post-id="${postB}"]`)).toHaveCount(0);
    await expect(pageA.getByRole("search").getByLabel("Tác giả")).toHaveCount(0);
    await expect(pageA.getByRole("checkbox")).toHaveCount(0);
    // Authors trash their own drafts from the edit page.
    await pageA.goto(`/admin/posts/${postA}`);
    await pageA.getByRole("button", { name: "Chuyển vào thùng rác" }).click();
    await pageA.waitForURL(/\/admin\/posts\?trash=1$/);
    await expect(pageA.locator(`tr[data-post-id="${postA}"]`)).toBeVisible();
    expect(postRow(postA).deleted_at).not.toBeNull();
    await Promise.all([pageA.context().close(), pageB.context().close()]);
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
