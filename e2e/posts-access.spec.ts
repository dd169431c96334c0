import { expect, test } from "@playwright/test";
import { readDb } from "./fixtures/db";
import { bodyEditor, leadField, writePost } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage, type TestUser } from "./fixtures/users";

test.describe("writing posts: conflicts and who may see what", () => {
  test("two editors save the same post: the second gets the conflict message and the first's text is kept", async ({ browser }) => {
    // Two signed-in browsers and four saves: 12 s on a quiet machine, over 30 s when the suite's other worker is busy too.
    test.setTimeout(60_000);
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
    // Both versions are shown side by side (e2e/conflicts.spec.ts); the person may also decide later.
    const dialog = two.getByRole("dialog", { name: "Người khác đã lưu bài này trong lúc bạn sửa" });
    await expect(dialog).toBeVisible();
    await two.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    // Nothing overwritten, and what the second editor typed is still on their screen.
    expect(postRow(postId)).toMatchObject({ lead: `Bản của người thứ nhất ${id}`, version: 2 });
    await expect(leadField(two)).toHaveValue(`Bản của người thứ hai ${id}`);
    // Saving again is refused again: never a silent overwrite.
    await two.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(dialog).toBeVisible();
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
    // The real save of B's own form, rewritten on the wire to target A's post with a new title: a
    // crafted request, made without touching the page (typing would start an autosave of B's draft,
    // and React puts changed fields back on its next render).
    await pageB.route(
      (url) => url.pathname === `/admin/posts/${draftB}`,
      async (route) => {
        const request = route.request();
        if (request.method() !== "POST") return route.fallback();
        // Multipart, with React's prefix on the form's fields (`_1_id`).
        const body = (request.postDataBuffer() ?? Buffer.alloc(0)).toString("utf8");
        const crafted = body.replace(/(name="(?:_\d+_)?id"\r\n\r\n)\d+/, `$1${draftA}`).replace(/(name="(?:_\d+_)?title"\r\n\r\n)[^\r]*/, `$1Chiếm bài ${id}`);
        expect(crafted).not.toBe(body);
        await route.continue({ postData: Buffer.from(crafted, "utf8") });
      },
    );
    await pageB.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(pageB.getByText("Không tìm thấy bài viết này, hoặc bạn không có quyền xem.")).toBeVisible();
    expect(postRow(draftA)).toEqual(before);
    expect(postRow(draftB).title).toBe(`Bài của B ${id}`);
    const denied = readDb((db) => db.prepare("select count(*) as n from activity_log where action = 'security.denied' and actor_id = ? and object_id = ?").get(b.id, String(draftA)) as { n: number });
    expect(denied.n).toBeGreaterThan(0);
    await Promise.all([pageA.context().close(), pageB.context().close()]);
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
});
