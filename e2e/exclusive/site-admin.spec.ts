import { expect, test, type Browser, type Page } from "@playwright/test";
import { tagsForContentChange } from "../../lib/cache/tags";
import { expectNoAxeViolations } from "../fixtures/axe";
import { writeDb } from "../fixtures/db";
import { png } from "../fixtures/images";
import { menuEditor } from "../fixtures/menu-editor";
import { samples } from "../fixtures/samples";
import { publishedPage, publishedPost, uploadPicture } from "../fixtures/site";
import { stamp } from "../fixtures/stamp";
import { createUser, signedInPage } from "../fixtures/users";

/*
 * What communications staff change on the whole public site: the menus, the home page's layout and
 * the site settings. They change what every page shows, so they run after all other tests
 * (e2e/site-public.spec.ts checks the site as the first start seeds it). Each test keeps to its
 * own part of the page and its own entries.
 */

const mainMenu = (page: Page) => page.getByRole("navigation", { name: "Trình đơn chính" });

/** A reader's fresh visit to `path` until `check` passes: public pages refresh a few seconds after a save. */
async function eventually(reader: Page, path: string, check: () => Promise<void>) {
  await expect(async () => {
    await reader.goto(path);
    await check();
  }).toPass({ timeout: 20_000 });
}

async function reader(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** A post taken off the site the way the app's trash does it: the row marked, its pages' tags queued. */
function trashPost(slug: string) {
  writeDb(
    (db) =>
      db
        .transaction(() => {
          const row = db.prepare("update posts set deleted_at = ? where slug = ? and kind = 'post' returning category_id as categoryId").get(Date.now(), slug) as { categoryId: number };
          for (const tag of tagsForContentChange([{ kind: "post", slug, categoryId: row.categoryId }])) db.prepare("insert into cache_invalidations (tag) values (?)").run(tag);
        })
        .immediate(),
    { likeTheApp: true },
  );
}

/** "2026-12-03T15:07" in Vietnam's time, as a datetime-local field takes it. */
const vietnamLocal = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);

test.describe("staff screens of the public site", () => {
  test("authors get the 403 page for menus, the home page and settings; editors for settings only", async ({ browser }) => {
    const [author, editor] = await Promise.all([createUser("author"), createUser("editor")]);
    const authorPage = await signedInPage(browser, author);
    for (const url of ["/admin/menus", "/admin/home", "/admin/settings"]) {
      const response = await authorPage.goto(url);
      expect(response?.status(), url).toBe(403);
    }
    await expect(authorPage.getByRole("navigation").getByRole("link", { name: "Trình đơn" })).toHaveCount(0);
    const editorPage = await signedInPage(browser, editor);
    expect((await editorPage.goto("/admin/settings"))?.status()).toBe(403);
    for (const url of ["/admin/menus", "/admin/home"]) expect((await editorPage.goto(url))?.status(), url).toBe(200);
    await Promise.all([authorPage.context().close(), editorPage.context().close()]);
  });

  test("an editor builds the header menu two levels deep with a keyboard, previews it, saves it; a trashed target is flagged and leaves the site", async ({ browser }) => {
    test.slow();
    const tag = stamp();
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const standing = publishedPage(`trang-trinh-don-${tag}`, `Trang thử trình đơn ${tag}`);
    const linked = publishedPost({ title: `Tin trong trình đơn ${tag}` });
    const doomed = publishedPost({ title: `Tin sẽ vào thùng rác ${tag}` });
    const names = { page: `Mục trang ${tag}`, post: `Mục bài ${tag}`, category: `Mục chuyên mục ${tag}`, site: `Mục trang ngoài ${tag}`, doomed: `Mục bài bỏ ${tag}` };

    await page.goto("/admin/menus");
    const header = menuEditor(page, "header");
    await header.addChoice("Trang", standing.title, names.page);
    await header.addPost(linked.title, names.post);
    await header.addChoice("Chuyên mục", samples.categories.emulation.name, names.category);
    await header.addAddress("https://example.gov.vn/cong-thu", names.site);
    await header.addPost(doomed.title, names.doomed);

    // The keyboard's way: the post goes under the page, the outside site moves up above the category.
    const indent = await header.press(names.post, "Thành mục con");
    await expect(indent).toBeFocused();
    await expect(header.row(names.post).getByText(`mục con 1 trong 1 của “${names.page}”`)).toBeVisible();
    const up = await header.press(names.site, "Lên");
    await expect(up).toBeFocused();
    await expect(header.section.getByRole("status").first()).toHaveText(/^Đã chuyển “Mục trang ngoài .*”: giờ là mục \d+ trong \d+\.$/);
    const labels = await header.labels();
    expect(labels.slice(-5)).toEqual([names.page, names.post, names.site, names.category, names.doomed]);

    // The preview shows the unsaved list as readers would see it; the site does not, yet.
    await expect(header.section.getByRole("heading", { name: "Xem trước (chưa lưu)" })).toBeVisible();
    await expect(header.preview.getByText(names.post)).toBeVisible();
    await expect(header.preview.getByText(`${names.site} (trang ngoài)`)).toBeVisible();
    const visitor = await reader(browser);
    await visitor.goto("/");
    await expect(mainMenu(visitor).locator("summary", { hasText: names.page })).toHaveCount(0);

    await header.save();
    await expect(header.section.getByRole("heading", { name: "Xem trước (đang hiện trên trang)" })).toBeVisible();
    await eventually(visitor, "/", async () => {
      await expect(mainMenu(visitor).locator("summary", { hasText: names.page })).toBeVisible({ timeout: 1_000 });
    });
    const menu = mainMenu(visitor);
    await menu.locator("summary", { hasText: names.page }).click();
    await expect(menu.getByRole("link", { name: names.page })).toHaveAttribute("href", `/${standing.slug}`);
    await expect(menu.getByRole("link", { name: names.post })).toHaveAttribute("href", `/tin-tuc/${linked.slug}`);
    await expect(menu.getByRole("link", { name: names.category })).toHaveAttribute("href", `/chuyen-muc/${samples.categories.emulation.slug}`);
    const outside = menu.getByRole("link", { name: `${names.site} (trang ngoài)` });
    await expect(outside).toHaveAttribute("href", "https://example.gov.vn/cong-thu");
    await expect(outside).toHaveAttribute("rel", "noopener noreferrer");
    await expect(menu.getByRole("link", { name: names.doomed })).toHaveAttribute("href", `/tin-tuc/${doomed.slug}`);

    // The post goes to the trash: the editor flags its entry, the site leaves it out at once.
    trashPost(doomed.slug);
    await page.reload();
    await expect(header.row(names.doomed).locator("[data-item-flag]")).toHaveText(/Không hiện trên trang: bài viết (đang ở thùng rác|không còn tồn tại)\./);
    await expect(header.row(names.post).locator("[data-item-flag]")).toHaveCount(0);
    await expect(header.preview.getByText(names.doomed)).toHaveCount(0);
    await eventually(visitor, "/", async () => {
      await expect(mainMenu(visitor).getByText(names.doomed)).toHaveCount(0, { timeout: 1_000 });
    });
    await expect(mainMenu(visitor).getByText(names.site)).toHaveCount(1);
    await Promise.all([page.context().close(), visitor.context().close()]);
  });

  test("an editor adds a page to the footer and an agency to the Liên kết list", async ({ browser }) => {
    const tag = stamp();
    const page = await signedInPage(browser, await createUser("editor"));
    const standing = publishedPage(`trang-chan-trang-${tag}`, `Trang chân trang ${tag}`);
    await page.goto("/admin/menus");
    const footer = menuEditor(page, "footer");
    await footer.addChoice("Trang", standing.title, `Hỏi đáp ${tag}`);
    // The footer has one level: no button makes an entry a child there.
    await expect(footer.row(`Hỏi đáp ${tag}`).getByRole("button", { name: /^Thành mục con/ })).toHaveCount(0);
    await footer.save();
    const links = menuEditor(page, "links");
    await links.addAddress("https://www.noip.gov.vn", `Cơ quan thử ${tag}`);
    await links.press(`Cơ quan thử ${tag}`, "Lên");
    await links.save();

    const visitor = await reader(browser);
    await eventually(visitor, "/", async () => {
      const siteFooter = visitor.getByRole("contentinfo");
      await expect(siteFooter.getByRole("link", { name: `Hỏi đáp ${tag}` })).toHaveAttribute("href", `/${standing.slug}`, { timeout: 1_000 });
      const agency = siteFooter.getByRole("navigation", { name: "Liên kết" }).getByRole("link", { name: `Cơ quan thử ${tag} (trang ngoài)` });
      await expect(agency).toHaveAttribute("rel", "noopener noreferrer", { timeout: 1_000 });
    });
    // The home page's side column shows the list in the order saved: the new agency before the last seeded one.
    const side = await visitor.getByRole("region", { name: "Liên kết" }).getByRole("link").allTextContents();
    expect(side.at(-2)).toBe(`Cơ quan thử ${tag} (trang ngoài)`);
    await Promise.all([page.context().close(), visitor.context().close()]);
  });

  test("an editor features stories in order with an end time, chooses category blocks and announcements; the home page follows, pictures and all", async ({ browser }) => {
    test.slow();
    const tag = stamp();
    const page = await signedInPage(browser, await createUser("editor"));
    const pictured = publishedPost({ title: `Tin có ảnh nổi bật ${tag}`, mediaId: await uploadPicture(page, "#1d4ed8") });
    const plain = publishedPost({ title: `Tin không ảnh nổi bật ${tag}`, categorySlug: samples.categories.emulation.slug });
    const brief = publishedPost({ title: `Tin nổi bật ngắn hạn ${tag}` });

    await page.goto("/admin/home");
    const featured = page.getByRole("list", { name: "Tin nổi bật theo thứ tự" });
    // The first start's featured stories make way, so the order checked is this test's own.
    while ((await featured.locator(":scope > li").count()) > 0) await featured.locator(":scope > li").first().getByRole("button", { name: /^Bỏ khỏi tin nổi bật/ }).click();
    for (const post of [plain, brief, pictured]) {
      await page.getByRole("searchbox", { name: "Tìm bài viết" }).fill(post.title);
      await page.getByRole("button", { name: "Tìm", exact: true }).click();
      await page.getByRole("button", { name: `Thêm vào tin nổi bật “${post.title}”` }).click();
      await expect(featured.getByRole("link", { name: post.title })).toBeVisible();
    }
    // The pictured story becomes the lead: up, from the keyboard, until it is first.
    const count = await featured.locator(":scope > li").count();
    for (let i = 0; i < count - 1; i++) {
      await page.getByRole("button", { name: `Lên “${pictured.title}”` }).focus();
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("button", { name: `Lên “${pictured.title}”` })).toBeFocused();
    await expect(featured.locator(":scope > li").first()).toContainText(`Tin chính: ${pictured.title}`);
    await expect(featured.locator(":scope > li").nth(1)).toContainText(plain.title);

    // An end time in the past is refused; one in the next minute or so ends the story on its own.
    const briefRow = featured.locator(":scope > li", { hasText: brief.title });
    const ends = briefRow.getByLabel(/^Thôi nổi bật lúc/);
    await ends.fill(vietnamLocal(Date.now() - 3600_000));
    await page.getByRole("button", { name: "Lưu bố cục trang chủ" }).click();
    await expect(page.getByText(/Thời điểm kết thúc đã qua/)).toBeVisible();
    const nextMinute = Math.ceil((Date.now() + 15_000) / 60_000) * 60_000;
    await ends.fill(vietnamLocal(nextMinute));

    // Blocks: the emulation category's block moves first; the party category is the announcements column.
    const blockChoice = page.getByRole("combobox", { name: "Thêm khối chuyên mục" });
    const blocks = page.getByRole("list", { name: "Khối chuyên mục theo thứ tự" });
    if ((await blocks.getByText(samples.categories.emulation.name, { exact: true }).count()) === 0) {
      await blockChoice.selectOption({ label: samples.categories.emulation.name });
      await page.getByRole("button", { name: "Thêm khối", exact: true }).click();
    }
    while (!(await blocks.locator(":scope > li").first().textContent())?.includes(samples.categories.emulation.name)) {
      await page.getByRole("button", { name: `Lên “${samples.categories.emulation.name}”` }).focus();
      await page.keyboard.press("Enter");
    }
    await page.getByRole("combobox", { name: "Chuyên mục Thông báo (cột bên trang chủ)" }).selectOption({ label: samples.categories.party.name });
    await page.getByRole("button", { name: "Lưu bố cục trang chủ" }).click();
    await expect(page.getByText("Đã lưu bố cục trang chủ. Trang chủ cập nhật trong vài giây.")).toBeVisible();

    const visitor = await reader(browser);
    const region = (name: string) => visitor.getByRole("region", { name });
    await eventually(visitor, "/", async () => {
      await expect(region("Tin nổi bật").getByRole("heading", { level: 3 }).first()).toHaveText(pictured.title, { timeout: 1_000 });
    });
    const stories = await region("Tin nổi bật").getByRole("heading", { level: 3 }).allTextContents();
    expect(stories.slice(0, 3)).toEqual([pictured.title, plain.title, brief.title]);
    // The lead picture comes from the media pipeline, sized, and fetched first; the thumbnails wait.
    const lead = region("Tin nổi bật").locator("article").first().locator("img");
    await expect(lead).toHaveAttribute("srcset", /480w.*960w/);
    await expect(lead).toHaveAttribute("width", /\d+/);
    await expect(lead).not.toHaveAttribute("loading", "lazy");
    await expect(lead).toHaveAttribute("fetchpriority", "high");
    await expect(lead).toHaveJSProperty("complete", true);
    expect(await lead.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    // Only the pictured story shows a picture: the others stand as text.
    await expect(region("Tin nổi bật").locator("img")).toHaveCount(1);
    // The first block after the latest news is the one moved first.
    expect((await visitor.locator("main h2").allTextContents()).slice(0, 3)).toEqual(["Tin nổi bật", "Tin mới", samples.categories.emulation.name]);
    await expect(region(samples.categories.emulation.name).getByRole("link", { name: plain.title })).toBeVisible();
    await expect(region("Thông báo").getByRole("link", { name: pictured.title })).toBeVisible();
    await expectNoAxeViolations(visitor);

    // The end time passes: the home page drops the story without anyone saving, and the editor flags it.
    await visitor.waitForTimeout(Math.max(0, nextMinute - Date.now()));
    await eventually(visitor, "/", async () => {
      await expect(region("Tin nổi bật").getByText(brief.title)).toHaveCount(0, { timeout: 1_000 });
    });
    await page.reload();
    await expect(featured.locator(":scope > li", { hasText: brief.title }).locator("[data-item-flag]")).toHaveText("⚠ Không hiện trên trang chủ: đã hết thời gian nổi bật.");
    await Promise.all([page.context().close(), visitor.context().close()]);
  });

  test("an admin renames the agency, gives it a logo (which becomes the icons) and a footer contact block; SVG is refused; every public page follows", async ({ browser, request }) => {
    test.slow();
    const tag = stamp();
    const page = await signedInPage(browser, await createUser("admin"));
    const iconBefore = await (await request.get("/favicon.ico")).body();
    await page.goto("/admin/settings");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Lưu cài đặt trang" }) });

    await form.getByLabel("Tải logo lên").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await form.getByRole("button", { name: "Lưu cài đặt trang" }).click();
    await expect(form.getByText(/SVG/).last()).toBeVisible();

    const name = `Cục Thử nghiệm ${tag}`;
    await form.getByLabel("Tên cơ quan (bắt buộc)").fill(name);
    await form.getByLabel("Địa chỉ").fill(`${tag} Đường Thử, Hà Nội`);
    await form.getByLabel("Điện thoại").fill("(024) 3858 3069");
    await form.getByLabel("Đường dây nóng").fill("0912 345 678");
    await form.getByLabel("Thư điện tử").fill("lienhe@example.gov.vn");
    await form.getByLabel("Giờ làm việc").fill("Thứ Hai – Thứ Sáu, 8:00 – 17:00");
    await form.getByLabel("Tải logo lên").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await png("#b91c1c", 600, 600) });
    await form.getByRole("button", { name: "Lưu cài đặt trang" }).click();
    // The logo goes through the media pipeline (renditions, then the icons): slow on a busy machine.
    await expect(page.getByText("Đã lưu cài đặt trang. Mọi trang công khai cập nhật trong vài giây.")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("img", { name: /^Logo hiện tại/ })).toBeVisible();

    const visitor = await reader(browser);
    for (const path of ["/", `/tin-tuc/${samples.conference2020.slug}`, `/chuyen-muc/${samples.categories.party.slug}`]) {
      await eventually(visitor, path, async () => {
        await expect(visitor.getByRole("banner").getByRole("link", { name: new RegExp(name) })).toBeVisible({ timeout: 1_000 });
      });
      const footer = visitor.getByRole("contentinfo");
      await expect(footer.getByRole("heading", { name })).toBeVisible();
      await expect(footer.getByText(`${tag} Đường Thử, Hà Nội`)).toBeVisible();
      await expect(footer.getByRole("link", { name: "lienhe@example.gov.vn" })).toHaveAttribute("href", "mailto:lienhe@example.gov.vn");
      await expect(footer.getByText("0912 345 678")).toBeVisible();
      await expect(visitor.getByRole("banner").locator("img")).toHaveAttribute("src", /^\/media\//);
    }
    await expect(visitor).toHaveTitle(new RegExp(name));
    // The icons are made from the logo: the favicon's bytes change and pages name the new version.
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(Buffer.compare(await icon.body(), iconBefore)).not.toBe(0);
    await expect(visitor.locator('head link[rel="icon"]')).toHaveAttribute("href", /^\/favicon\.ico\?v=/);
    await expectNoAxeViolations(visitor);
    await Promise.all([page.context().close(), visitor.context().close()]);
  });
});
