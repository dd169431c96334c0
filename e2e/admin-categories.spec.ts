import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { captureAction, replayOf } from "./fixtures/actions";
import { expectNoAxeViolations } from "./fixtures/axe";
import { readDb, writeDb } from "./fixtures/db";
import { deletePostsBySlug, runImporter, writeExports } from "./fixtures/import-cli";
import { samples } from "./fixtures/samples";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

// Tests run in parallel against one server and one database: each makes its own categories with
// unique names, finds them by name, and never renames or deletes the two sample categories.

function categoryByName(name: string): { id: number; slug: string; position: number } | undefined {
  return readDb((db) => db.prepare("select id, slug, position from categories where name = ?").get(name) as never);
}

const status = (page: Page) => page.getByRole("status");
const createName = (page: Page) => page.getByLabel("Tên chuyên mục", { exact: true });

async function openCategories(page: Page): Promise<void> {
  await page.goto("/admin/categories");
  await expect(page.getByRole("heading", { level: 1, name: "Chuyên mục" })).toBeVisible();
}

async function createCategory(page: Page, name: string): Promise<{ id: number; slug: string }> {
  await openCategories(page);
  await createName(page).fill(name);
  await page.getByRole("button", { name: "Thêm chuyên mục" }).click();
  await expect(status(page)).toHaveText(`Đã tạo chuyên mục “${name}”.`);
  // The form is empty again, ready for the next one, and the new row is in the list.
  await expect(createName(page)).toHaveValue("");
  await expect(page.getByRole("button", { name: `Lên ${name}`, exact: true })).toBeVisible();
  return categoryByName(name)!;
}

async function deleteCategory(page: Page, name: string): Promise<void> {
  await openCategories(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Xoá ${name}`, exact: true }).click();
  await expect(status(page)).toHaveText(`Đã xoá chuyên mục “${name}”.`);
  await expect(page.getByRole("button", { name: `Xoá ${name}`, exact: true })).toHaveCount(0);
}

/** Category names in the order of the admin table. */
function adminOrder(page: Page): Promise<string[]> {
  return page.locator("tbody tr th[scope=row] > span:first-child").allTextContents();
}

/** Category names in the order of the public header navigation (after the home link). */
async function publicNav(page: Page): Promise<string[]> {
  await page.goto("/");
  return page.getByRole("navigation", { name: "Chuyên mục" }).getByRole("link").allTextContents();
}

async function expectPermanentRedirect(page: Page, from: string, to: string): Promise<void> {
  await expect(async () => {
    const response = await page.request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(new URL(response.headers()["location"]!, "http://x").pathname, from).toBe(to);
  }).toPass({ timeout: 10_000 });
}

test.describe("category management", () => {
  test("an editor creates a category that appears in the public navigation; a rename redirects its old address; deleting it empties the address", async ({ browser }) => {
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const id = stamp();
    const name = `Chuyên mục thử ${id}`;
    const created = await createCategory(page, name);
    expect(created.slug).toBe(`chuyen-muc-thu-${id}`);

    await expect(async () => {
      expect(await publicNav(page)).toContain(name);
    }).toPass({ timeout: 10_000 });
    await page.getByRole("navigation", { name: "Chuyên mục" }).getByRole("link", { name }).click();
    await expect(page).toHaveURL(`/chuyen-muc/${created.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByText("Chuyên mục này chưa có bài viết.")).toBeVisible();

    // Rename in the row: the slug follows the name and the old address is kept as a redirect.
    const renamed = `Chuyên mục đổi tên ${id}`;
    await openCategories(page);
    await page.getByLabel(`Tên chuyên mục ${name}`, { exact: true }).fill(renamed);
    await page.getByLabel(`Mô tả chuyên mục ${name}`, { exact: true }).fill("Tin về đổi tên chuyên mục");
    await page.getByRole("button", { name: `Lưu chuyên mục ${name}`, exact: true }).click();
    await expect(status(page)).toContainText(`Đã lưu chuyên mục “${renamed}”.`);
    await expect(page.getByLabel(`Tên chuyên mục ${renamed}`, { exact: true })).toHaveValue(renamed);
    const newSlug = `chuyen-muc-doi-ten-${id}`;
    expect(categoryByName(renamed)).toMatchObject({ id: created.id, slug: newSlug });
    await expect(page.getByRole("link", { name: `/chuyen-muc/${newSlug}` })).toBeVisible();

    await expectPermanentRedirect(page, `/chuyen-muc/${created.slug}`, `/chuyen-muc/${newSlug}`);
    await expectPermanentRedirect(page, `/chuyen-muc/${created.slug}/trang/2`, `/chuyen-muc/${newSlug}/trang/2`);
    await expectPermanentRedirect(page, `/chuyen-muc/${created.slug}/rss.xml`, `/chuyen-muc/${newSlug}/rss.xml`);
    const followed = await page.goto(`/chuyen-muc/${created.slug}`);
    expect(followed?.status()).toBe(200);
    await expect(page).toHaveURL(`/chuyen-muc/${newSlug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
    await expect(page.getByText("Tin về đổi tên chuyên mục")).toBeVisible();
    const nav = await publicNav(page);
    expect(nav).toContain(renamed);
    expect(nav).not.toContain(name);

    // Empty, so it can go; its address and its old address then answer 404.
    await deleteCategory(page, renamed);
    expect(categoryByName(renamed)).toBeUndefined();
    await expect(async () => {
      for (const url of [`/chuyen-muc/${newSlug}`, `/chuyen-muc/${created.slug}`]) {
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(404);
      }
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
    }).toPass({ timeout: 10_000 });
    expect(await publicNav(page)).not.toContain(renamed);
    await page.context().close();
  });

  test("moving a category up and down changes the order of the public navigation", async ({ browser }) => {
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const id = stamp();
    const first = `Thứ tự một ${id}`;
    const second = `Thứ tự hai ${id}`;
    await createCategory(page, first);
    await createCategory(page, second);
    const before = await adminOrder(page);
    expect(before.indexOf(first)).toBeLessThan(before.indexOf(second));

    // Other tests may add categories in between; each press swaps with the row just above.
    for (let presses = 0; presses < 20; presses++) {
      const order = await adminOrder(page);
      if (order.indexOf(second) < order.indexOf(first)) break;
      await page.getByRole("button", { name: `Lên ${second}`, exact: true }).click();
      await expect(status(page)).toContainText(`Đã chuyển “${second}” lên vị trí`);
      await expect.poll(async () => (await adminOrder(page)).indexOf(second)).toBeLessThan(order.indexOf(second));
    }
    // Keyboard focus stays on the button that was pressed, in the row's new place.
    await expect(page.getByRole("button", { name: `Lên ${second}`, exact: true })).toBeFocused();
    await expect(async () => {
      const nav = await publicNav(page);
      expect(nav.indexOf(second)).toBeGreaterThan(-1);
      expect(nav.indexOf(second)).toBeLessThan(nav.indexOf(first));
    }).toPass({ timeout: 10_000 });

    await openCategories(page);
    await page.getByRole("button", { name: `Xuống ${second}`, exact: true }).click();
    await expect(status(page)).toContainText(`Đã chuyển “${second}” xuống vị trí`);
    await expect.poll(async () => {
      const order = await adminOrder(page);
      return order.indexOf(first) < order.indexOf(second);
    }).toBe(true);
    await expect(async () => {
      const nav = await publicNav(page);
      expect(nav.indexOf(first)).toBeLessThan(nav.indexOf(second));
    }).toPass({ timeout: 10_000 });
    const reorders = readDb((db) => db.prepare("select count(*) as n from activity_log where action = 'category.reorder' and actor_id = ?").get(editor.id) as { n: number });
    expect(reorders.n).toBeGreaterThanOrEqual(2);

    await deleteCategory(page, first);
    await deleteCategory(page, second);
    await page.context().close();
  });

  test("deleting a category that still has posts, even in the trash, is refused with the count", async ({ browser }) => {
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const id = stamp();
    const name = `Chuyên mục có bài ${id}`;
    const title = `Bài kiểm thử chuyên mục ${id}`;
    const postSlug = `bai-kiem-thu-chuyen-muc-${id}`;
    const { paths, dir } = writeExports({
      "post.txt": ["Th 2, 02/11/2026 | 09:15 SA", "", "Xem với cỡ chữ Đọc bài viết Tương phản", "", title, "", "Tóm tắt bài viết.", "", "Nội dung bài viết.", "", "Văn phòng Cục"].join("\n"),
    });
    try {
      // The importer files the post under a new category of that name, through the app's own code.
      const imported = await runImporter(["--category", name, ...paths]);
      expect(imported.code, imported.stderr).toBe(0);
      const category = categoryByName(name)!;
      expect(category).toBeDefined();

      await openCategories(page);
      await page.getByRole("button", { name: `Xoá ${name}`, exact: true }).click();
      await expect(status(page)).toHaveText(
        `Không thể xoá chuyên mục “${name}” vì còn 1 bài viết thuộc chuyên mục này. Hãy chuyển các bài viết sang chuyên mục khác trước khi xoá.`,
      );
      expect(categoryByName(name)).toEqual(category);

      // A post in the trash can be restored into its category, so it still blocks the deletion.
      writeDb((db) => db.prepare("update posts set deleted_at = ? where slug = ?").run(Date.now(), postSlug));
      await openCategories(page);
      await page.getByRole("button", { name: `Xoá ${name}`, exact: true }).click();
      await expect(status(page)).toContainText(`vì còn 1 bài viết thuộc chuyên mục này (trong đó 1 bài trong thùng rác)`);
      expect(categoryByName(name)).toEqual(category);
      const denied = readDb((d) => d.prepare("select count(*) as n from activity_log where action = 'category.delete' and object_id = ?").get(String(category.id)) as { n: number });
      expect(denied.n).toBe(0);
    } finally {
      deletePostsBySlug([postSlug]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Once empty it can go.
    await deleteCategory(page, name);
    expect(categoryByName(name)).toBeUndefined();
    await page.context().close();
  });

  test("an author gets the 403 page, and a replayed create action is refused and logged", async ({ browser, baseURL }) => {
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    const name = `Chuyên mục lậu ${stamp()}`;
    await openCategories(page);
    await createName(page).fill(name);

    // The exact request the editor's browser sends, stopped before it reaches the server.
    const request = await captureAction(page, "**/admin/categories", () => page.getByRole("button", { name: "Thêm chuyên mục" }).click());
    const replay = await replayOf(request, baseURL!);

    const author = await createUser("author");
    const attacker = await signedInPage(browser, author);
    const response = await attacker.goto("/admin/categories");
    expect(response?.status()).toBe(403);
    await expect(attacker.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
    await expect(attacker.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Chuyên mục" })).toHaveCount(0);

    const replayed = await attacker.request.post("/admin/categories", replay);
    expect(await replayed.text()).toContain("Bạn không có quyền thực hiện thao tác này.");
    expect(categoryByName(name)).toBeUndefined();
    const denied = readDb((db) => db.prepare("select object_type from activity_log where action = 'security.denied' and actor_id = ?").all(author.id) as Array<{ object_type: string }>);
    expect(denied.length).toBeGreaterThanOrEqual(2); // the page and the action
    expect(denied.every((d) => d.object_type === "category:manage")).toBe(true);
    await attacker.context().close();

    // Control: the very same request from the editor works, so the refusal above was about the role.
    await page.unrouteAll();
    const same = await page.request.post("/admin/categories", replay);
    expect(same.ok()).toBe(true);
    expect(categoryByName(name)).toBeDefined();
    await deleteCategory(page, name);
    await page.context().close();
  });

  test("bad input gets a Vietnamese message next to the field, keeps what was typed, and changes nothing", async ({ browser }) => {
    const editor = await createUser("editor");
    const page = await signedInPage(browser, editor);
    await openCategories(page);

    await page.getByRole("button", { name: "Thêm chuyên mục" }).click();
    await expect(createName(page)).toHaveAccessibleDescription(/Vui lòng nhập tên chuyên mục\./);
    await expect(createName(page)).toBeFocused();
    await expect(status(page)).toHaveText("Vui lòng sửa các mục được đánh dấu bên dưới.");

    const long = `Tên quá dài ${stamp()} `.padEnd(200, "ư");
    await createName(page).fill(long);
    await page.getByRole("button", { name: "Thêm chuyên mục" }).click();
    await expect(createName(page)).toHaveAccessibleDescription(/Tên chuyên mục không được dài quá 120 ký tự\./);
    await expect(createName(page)).toHaveValue(long);

    const duplicate = "thi đua – khen thưởng";
    await createName(page).fill(duplicate);
    await page.getByLabel("Mô tả (không bắt buộc)").fill("Mô tả giữ lại");
    await page.getByRole("button", { name: "Thêm chuyên mục" }).click();
    await expect(createName(page)).toHaveAccessibleDescription(new RegExp(`Đã có chuyên mục “${samples.categories.emulation.name}”`));
    await expect(createName(page)).toHaveValue(duplicate);
    await expect(page.getByLabel("Mô tả (không bắt buộc)")).toHaveValue("Mô tả giữ lại");
    await expectNoAxeViolations(page);

    // The same rules when renaming in a row, on a category of this test's own.
    const own = `Chuyên mục sai ${stamp()}`;
    await createCategory(page, own);
    const rowName = page.getByLabel(`Tên chuyên mục ${own}`, { exact: true });
    await rowName.fill("THI ĐUA – KHEN THƯỞNG");
    await page.getByRole("button", { name: `Lưu chuyên mục ${own}`, exact: true }).click();
    await expect(rowName).toHaveAccessibleDescription(new RegExp(`Đã có chuyên mục “${samples.categories.emulation.name}”`));
    await expect(rowName).toHaveValue("THI ĐUA – KHEN THƯỞNG");
    await rowName.fill("   ");
    await page.getByRole("button", { name: `Lưu chuyên mục ${own}`, exact: true }).click();
    await expect(rowName).toHaveAccessibleDescription("Vui lòng nhập tên chuyên mục.");
    expect(categoryByName(own)).toBeDefined();

    const names = readDb((db) => (db.prepare("select name from categories").all() as Array<{ name: string }>).map((r) => r.name));
    expect(names.filter((n) => n.toLowerCase() === duplicate)).toEqual([samples.categories.emulation.name]);
    expect(names).not.toContain(long);
    expect(names).not.toContain("THI ĐUA – KHEN THƯỞNG");
    await deleteCategory(page, own);
    await page.context().close();
  });
});
