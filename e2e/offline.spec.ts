import { expect, test } from "@playwright/test";
import { expectAutosaved, localOffer, postBodyText, saveStatus, typeAtEnd } from "./fixtures/autosave";
import { expectNoAxeViolations } from "./fixtures/axe";
import { bodyEditor, fillBasics, openNewPost, titleField, writePost } from "./fixtures/post-form";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

test.describe("nothing typed is lost", () => {
  test("a lost network is shown, typing goes on, and reconnecting saves it all", async ({ browser }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("author"));
    const postId = await writePost(page, { title: `Bài mất mạng ${id}`, text: "Đoạn đầu." });

    await typeAtEnd(page, ` Trước khi mất mạng ${id}.`);
    await page.context().setOffline(true);
    await typeAtEnd(page, ` Khi mất mạng ${id}.`);
    await expect(saveStatus(page)).toHaveText("Mất kết nối – các thay đổi được giữ trên máy này", { timeout: 15_000 });
    await typeAtEnd(page, ` Vẫn gõ tiếp ${id}.`);
    expect(postBodyText(postId)).not.toContain(`Khi mất mạng ${id}`);

    await page.context().setOffline(false);
    await expectAutosaved(page);
    await expect.poll(() => postBodyText(postId)).toContain(`Trước khi mất mạng ${id}. Khi mất mạng ${id}. Vẫn gõ tiếp ${id}.`);
  });

  test("a save that keeps failing is retried and shown; after a reload the local copy is offered and restored", async ({ browser }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("author"));
    const postId = await writePost(page, { title: `Bài lưu lỗi ${id}`, text: "Đoạn đầu." });
    const blockSaves = (route: import("@playwright/test").Route) => (route.request().method() === "POST" ? route.abort("failed") : route.continue());
    await page.route("**/api/posts/*/autosave", blockSaves);

    await typeAtEnd(page, ` Chưa lên máy chủ ${id}.`);
    await expect(saveStatus(page)).toHaveText("Chưa lưu được – đang thử lại", { timeout: 15_000 });
    // The browser warns before leaving a page whose save failed.
    const warnings: string[] = [];
    page.on("dialog", (dialog) => {
      warnings.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(warnings).toEqual(["beforeunload"]);
    await page.unroute("**/api/posts/*/autosave", blockSaves);

    await expect(bodyEditor(page)).not.toContainText(`Chưa lên máy chủ ${id}`);
    await expect(localOffer(page)).toContainText(/Có bản chưa lưu trên máy này lúc \d{2}:\d{2}/);
    await expectNoAxeViolations(page);
    await localOffer(page).getByRole("button", { name: "Khôi phục" }).click();
    await expect(bodyEditor(page)).toContainText(`Đoạn đầu. Chưa lên máy chủ ${id}.`);
    await expectAutosaved(page);
    await expect.poll(() => postBodyText(postId)).toContain(`Chưa lên máy chủ ${id}.`);
  });

  test("a new post that was never saved is kept on this machine and restored with every field", async ({ browser }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("author"));
    await openNewPost(page);
    await fillBasics(page, { title: `Bài mới chưa lưu ${id}`, lead: `Sapo chưa lưu ${id}` });
    await typeAtEnd(page, `Nội dung chưa lưu ${id}.`);
    await expect(saveStatus(page)).toContainText("Đã giữ trên máy này lúc");

    await page.reload();
    await expect(titleField(page)).toHaveValue("");
    await localOffer(page).getByRole("button", { name: "Khôi phục" }).click();
    await expect(titleField(page)).toHaveValue(`Bài mới chưa lưu ${id}`);
    await expect(page.getByLabel("Sapo", { exact: true })).toHaveValue(`Sapo chưa lưu ${id}`);
    await expect(bodyEditor(page)).toContainText(`Nội dung chưa lưu ${id}.`);

    // Saved by hand, the copy is no longer needed.
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/admin\/posts\/\d+\?moi=1$/);
    await page.goto("/admin/posts/new");
    await expect(bodyEditor(page)).toBeVisible();
    await expect(localOffer(page)).toHaveCount(0);
  });

  test("a session that ends mid-edit asks to sign in again on the page, then saves what waited", async ({ browser }) => {
    const id = stamp();
    const author = await createUser("author");
    const page = await signedInPage(browser, author);
    const postId = await writePost(page, { title: `Bài hết phiên ${id}`, text: "Đoạn đầu." });

    await page.context().clearCookies();
    await typeAtEnd(page, ` Gõ khi hết phiên ${id}.`);
    const dialog = page.getByRole("dialog", { name: "Đăng nhập lại để lưu bài" });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(saveStatus(page)).toContainText("Phiên đăng nhập đã hết hạn");
    await expectNoAxeViolations(page);

    await dialog.getByLabel("E-mail").fill(author.email);
    await dialog.getByLabel("Mật khẩu").fill(author.password);
    await dialog.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(dialog).toBeHidden();
    await expectAutosaved(page);
    await expect.poll(() => postBodyText(postId)).toContain(`Gõ khi hết phiên ${id}.`);
    await expect(page).toHaveURL(new RegExp(`/admin/posts/${postId}(\\?|$)`));
  });

  test("a save by hand after the session ended says so on the page and keeps what was typed", async ({ browser }) => {
    const author = await createUser("author");
    const page = await signedInPage(browser, author);
    const postId = await writePost(page, { title: `Bài lưu khi hết phiên ${stamp()}`, text: "Đoạn đầu." });
    await page.context().clearCookies();
    const title = page.getByLabel("Tiêu đề", { exact: true });
    await title.fill("Tiêu đề gõ khi đã hết phiên");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.").first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/admin/posts/${postId}(\\?|$)`));
    await expect(title).toHaveValue("Tiêu đề gõ khi đã hết phiên");
  });
});
