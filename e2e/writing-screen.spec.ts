import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { bodyEditor, openNewPost, titleField } from "./fixtures/post-form";
import { postRow } from "./fixtures/post-rows";
import { stamp } from "./fixtures/stamp";
import { actionBar, caretAfterClick, DESKTOP, existingPost, fieldsUnderTheBar, panelToggle, PHONE, screenFor, settingsPanel } from "./fixtures/writing-screen";

// Issue 20: the writing screen (action bar, writing column, settings panel or drawer) at a desktop and a phone size, and writing by keyboard alone.

for (const [name, screen] of [
  ["1366 × 768", DESKTOP],
  ["390 px", PHONE],
] as const) {
  test.describe(`the writing screen at ${name}`, () => {
    // On 1366 × 768 the body is reached without scrolling (issue 20 item 1); on a phone, where the admin's
    // own header takes a third of the screen, the figures are recorded and the caret must land clear of the bar.
    const desktop = screen.width >= 1024;
    test(desktop ? "the caret goes into the body without scrolling, for a new post and an existing one" : "the caret lands in the body clear of the bar, for a new post and an existing one", async ({ browser }, info) => {
      const { page } = await screenFor(browser, "editor", screen);
      await openNewPost(page);
      const fresh = await caretAfterClick(page, { scrollFirst: !desktop });
      await page.screenshot({ path: info.outputPath(`new-post-${screen.width}.png`) });
      const postId = await existingPost(page, `Bài đo con trỏ ${stamp()}`);
      await page.goto(`/admin/posts/${postId}`);
      await expect(bodyEditor(page)).toContainText("Đoạn thứ 14");
      const existing = await caretAfterClick(page, { scrollFirst: !desktop });
      await page.screenshot({ path: info.outputPath(`existing-post-${screen.width}.png`) });
      console.log(`[caret ${screen.width}x${screen.height}] new ${JSON.stringify(fresh)} existing ${JSON.stringify(existing)}`);
      const barBottom = (await actionBar(page).boundingBox())!;
      for (const measured of [fresh, existing]) {
        if (desktop) expect(measured.scrolled).toBe(0);
        expect(measured.focused).toBe(true);
        expect(measured.caretTop).toBeGreaterThan(desktop ? 0 : barBottom.y + barBottom.height);
        expect(measured.caretTop).toBeLessThan(screen.height - 24);
      }
      await page.context().close();
    });

    test("the action bar stays at the top, never covers a field, and Ctrl+S saves", async ({ browser }) => {
      const { page } = await screenFor(browser, "editor", screen);
      const postId = await existingPost(page, `Bài thanh công cụ ${stamp()}`);
      expect(postRow(postId).version).toBe(1);
      // Down at the end of the text, the bar is still there.
      await bodyEditor(page).click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type(" Thêm chữ ở cuối.");
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const bar = (await actionBar(page).boundingBox())!;
      expect(bar.y).toBeLessThanOrEqual(1);
      await expect(actionBar(page).getByRole("button", { name: "Lưu", exact: true })).toBeInViewport();
      // Ctrl+S saves from inside the text.
      await page.keyboard.press("Control+s");
      await expect(page.getByText("Đã lưu bài viết.")).toBeVisible();
      await expect.poll(() => postRow(postId).body_html).toContain("Thêm chữ ở cuối.");
      // Every control reached with Tab, from the top of the page to the end, is clear of the bar.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await titleField(page).focus();
      expect(await fieldsUnderTheBar(page, 40)).toEqual([]);
      await page.context().close();
    });

    test("the settings panel opens and closes (a drawer on a phone) and axe is clean both ways", async ({ browser }) => {
      const { page } = await screenFor(browser, "editor", screen);
      await openNewPost(page);
      const panel = settingsPanel(page);
      const wide = screen.width >= 1024;
      await expect(panel).toBeVisible({ visible: wide });
      await expectNoAxeViolations(page);
      await panelToggle(page).click();
      await expect(panel).toBeVisible({ visible: !wide });
      if (wide) {
        // Closed for distraction-free writing, and remembered.
        await expect(panelToggle(page)).toHaveAttribute("aria-expanded", "false");
        await page.reload();
        await expect(bodyEditor(page)).toBeVisible();
        await expect(panel).toBeHidden();
        await expectNoAxeViolations(page);
        await panelToggle(page).click();
        await expect(panel).toBeVisible();
        await page.reload();
        await expect(panel).toBeVisible();
      } else {
        // A modal drawer: focus inside, Escape closes it and gives the focus back.
        await expect(page.getByRole("dialog", { name: "Cài đặt bài viết" })).toBeVisible();
        await expect(panel.getByRole("button", { name: /^Đóng/ })).toBeFocused();
        await expectNoAxeViolations(page);
        await panel.getByLabel("Chuyên mục", { exact: true }).selectOption({ index: 1 });
        await page.keyboard.press("Escape");
        await expect(panel).toBeHidden();
        await expect(panelToggle(page)).toBeFocused();
        await expectNoAxeViolations(page);
        // A refused field in the drawer opens it and takes the focus.
        await titleField(page).fill(`Bài trên điện thoại ${stamp()}`);
        await panelToggle(page).click();
        await panel.getByLabel("Đường dẫn", { exact: true }).fill("KHÔNG HỢP LỆ");
        await page.keyboard.press("Escape");
        await actionBar(page).getByRole("button", { name: "Lưu", exact: true }).click();
        await expect(panel).toBeVisible();
        await expect(panel.getByLabel("Đường dẫn", { exact: true })).toBeFocused();
      }
      await page.context().close();
    });
  });
}


test("keyboard only: an editor writes, sets the category, saves with Ctrl+S and publishes", async ({ browser }) => {
  const { page } = await screenFor(browser, "editor", DESKTOP);
  const title = `Bài viết chỉ bằng bàn phím ${stamp()}`;
  await page.goto("/admin/posts/new");
  await expect(bodyEditor(page)).toBeVisible();
  const tabTo = async (check: () => Promise<boolean>, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      if (await check()) return;
      await page.keyboard.press("Tab");
    }
    throw new Error("not reached with Tab");
  };
  const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  await tabTo(() => focusedIs('input[name="title"]'));
  await page.keyboard.type(title);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Sapo gõ bằng bàn phím.");
  await tabTo(() => focusedIs(".ProseMirror"));
  await page.keyboard.type("## Mở đầu");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Nội dung viết hoàn toàn bằng bàn phím.");
  await tabTo(() => focusedIs('select[name="categoryId"]'));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Control+s");
  await page.waitForURL(/\/admin\/posts\/\d+\?moi=1$/);
  const postId = Number(/\/admin\/posts\/(\d+)/.exec(page.url())![1]);
  expect(postRow(postId)).toMatchObject({ title, status: "draft" });
  await expect(bodyEditor(page)).toBeVisible();
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Xuất bản ngay");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Đã xuất bản bài viết.")).toBeVisible();
  expect(postRow(postId).status).toBe("published");
  expect(postRow(postId).body_html).toContain("<h2>Mở đầu</h2>");
  await page.context().close();
});
