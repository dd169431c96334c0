import { expect, test } from "@playwright/test";
import { jpeg, png } from "./fixtures/images";
import { postMedia } from "./fixtures/media";
import { createUser, signIn } from "./fixtures/users";

test.describe("image uploads", () => {
  test("an author uploads a photo; renditions are served with exact types, nosniff and a year of caching", async ({ page }) => {
    const author = await createUser("author");
    await signIn(page, author);
    const photo = await jpeg("#aa3322", 1400, 900);
    const response = await postMedia(page.request, { name: "Toàn cảnh.jpg", mimeType: "image/jpeg", buffer: photo });
    expect(response.status()).toBe(201);
    const { items } = await response.json();
    expect(items[0]).toMatchObject({ name: "Toàn cảnh.jpg", width: 1400, height: 900 });
    const webp = items[0].srcsetWebp.split(", ")[0].split(" ")[0];
    for (const [url, type] of [[webp, "image/webp"], [items[0].src, "image/jpeg"]]) {
      const file = await page.request.get(url);
      expect(file.status()).toBe(200);
      expect(file.headers()["content-type"]).toBe(type);
      expect(file.headers()["x-content-type-options"]).toBe("nosniff");
      expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
  });

  test("bad files are refused with a Vietnamese message and nothing is stored", async ({ page }) => {
    const author = await createUser("author");
    await signIn(page, author);
    const cases = [
      { file: { name: "ghi-chu.png", mimeType: "image/png", buffer: Buffer.from('{"day":"là JSON"}') }, status: 415, message: /không phải ảnh/ },
      { file: { name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }, status: 415, message: /SVG/ },
      { file: { name: "rat-lon.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(21 * 1024 * 1024, 0xff) }, status: 413, message: /20 MB/ },
      { file: { name: `${"d".repeat(240)}.jpg`, mimeType: "image/jpeg", buffer: await jpeg("#000", 10, 10) }, status: 400, message: /Tên tệp/ },
    ];
    for (const c of cases) {
      const response = await postMedia(page.request, c.file);
      expect(response.status(), c.file.name.slice(0, 20)).toBe(c.status);
      expect((await response.json()).error).toMatch(c.message);
    }
    const truncated = (await jpeg("#123456", 800, 600)).subarray(0, 2000);
    const response = await postMedia(page.request, { name: "cat-ngang.jpg", mimeType: "image/jpeg", buffer: truncated });
    expect(response.status()).toBe(422);
  });

  test("uploads need a signed-in staff member and our own origin", async ({ page, request }) => {
    const photo = await png("#00ff00", 20, 20);
    const anonymous = await postMedia(request, { name: "a.png", mimeType: "image/png", buffer: photo });
    expect(anonymous.status()).toBe(401);
    const author = await createUser("author");
    await signIn(page, author);
    for (const origin of ["https://evil.example", "null"]) {
      const crossSite = await postMedia(page.request, { name: "a.png", mimeType: "image/png", buffer: photo }, { origin });
      expect(crossSite.status(), origin).toBe(403);
    }
  });

  test("media paths never leave the media folder", async ({ request }) => {
    for (const path of ["/media/..%2f..%2fauth-secret", "/media/%2e%2e/%2e%2e/cms.db", "/media/..%252f..%252fcms.db", "/media/0123456789abcdef0123/480.webp%00.txt", "/media/x"]) {
      const response = await request.get(path);
      expect([400, 404], path).toContain(response.status());
      expect(await response.text()).not.toMatch(/SQLite format|[A-Za-z0-9_-]{60}/);
    }
  });
});
