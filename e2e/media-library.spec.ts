import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { writeDb } from "./fixtures/db";
import { png } from "./fixtures/images";
import { postMedia, uploadStatus } from "./fixtures/media";
import { stamp } from "./fixtures/stamp";
import { createUser, signIn, signedInPage, type TestUser } from "./fixtures/users";

// Every image gets a unique name and is found by it; nothing here depends on what else is in the library.

type FileSpec = { name: string; type: string; data?: Buffer; size?: number };

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

const card = (page: Page, name: string) => page.locator("[data-media-card]").filter({ has: page.getByRole("heading", { name, exact: true }) });
const dropZone = (page: Page) => page.locator("[data-dropzone]").first();

async function uploadByApi(page: Page, name: string, colour: string): Promise<{ id: number; src: string; srcsetWebp: string }> {
  const response = await postMedia(page.request, { name, mimeType: "image/png", buffer: await png(colour) });
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
    await expectNoAxeViolations(page);
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
    const postId = writeDb((db) => {
      const categoryId = (db.prepare("select id from categories order by id limit 1").get() as { id: number }).id;
      const post = db
        .prepare("insert into posts (title, slug, body, category_id, author_id, status) values (?, ?, ?, ?, ?, 'draft') returning id")
        .get(title, `bai-dung-anh-${id}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] }), categoryId, editor.id) as { id: number };
      db.prepare("insert into post_media (post_id, media_id) values (?, ?)").run(post.id, image.id);
      return post.id;
    }, { likeTheApp: true });

    await page.goto(`/admin/media?q=${encodeURIComponent(name)}`);
    await expect(card(page, name).getByRole("list", { name: `Bài viết dùng ảnh ${name}` })).toContainText(title);
    await card(page, name).getByRole("button", { name: /Xoá ảnh/ }).click();
    await card(page, name).getByRole("button", { name: /Xác nhận xoá/ }).click();
    await expect(card(page, name).getByRole("status").filter({ hasText: "Không thể xoá" })).toContainText(`ảnh đang được dùng trong 1 bài viết: “${title}”`);
    await page.reload();
    await expect(card(page, name)).toBeVisible();

    writeDb((db) => db.prepare("delete from posts where id = ?").run(postId), { likeTheApp: true }); // post_media goes with it (cascade)
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
