import { expect, test, type Browser } from "@playwright/test";
import { expectAutosaved, postBodyText, revisionsOf, saveStatus, typeAtEnd } from "./fixtures/autosave";
import { expectNoAxeViolations } from "./fixtures/axe";
import { bodyEditor, writePost } from "./fixtures/post-form";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

/** Two editors with the same post open at the same version. */
async function twoEditors(browser: Browser) {
  const id = stamp();
  const userA = await createUser("editor", { name: `Nguyễn Văn A ${id}` });
  const userB = await createUser("editor", { name: `Trần Thị B ${id}` });
  const pageA = await signedInPage(browser, userA);
  const postId = await writePost(pageA, { title: `Bài hai người sửa ${id}`, text: "Đoạn chung." });
  const pageB = await signedInPage(browser, userB);
  await pageB.goto(`/admin/posts/${postId}`);
  await expect(bodyEditor(pageB)).toContainText("Đoạn chung.");
  return { id, postId, pageA, pageB, userA };
}

test.describe("edit conflicts", () => {
  test("the second save gets both versions side by side; keeping mine saves it and the other's text stays in the history", async ({ browser }) => {
    const { id, postId, pageA, pageB, userA } = await twoEditors(browser);
    await typeAtEnd(pageA, ` Chữ của A ${id}.`);
    await expectAutosaved(pageA);

    await typeAtEnd(pageB, ` Chữ của B ${id}.`);
    const dialog = pageB.getByRole("dialog", { name: "Người khác đã lưu bài này trong lúc bạn sửa" });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(saveStatus(pageB)).toContainText("người khác sửa");
    await expect(dialog.getByTestId("conflict-mine")).toContainText(`Chữ của B ${id}.`);
    await expect(dialog.getByTestId("conflict-theirs")).toContainText(`Chữ của A ${id}.`);
    await expect(dialog.getByTestId("conflict-theirs")).toContainText(`Bản của ${userA.name}`);
    await expect(dialog).toContainText(`${userA.name} đã lưu một phiên bản khác lúc`);
    // The refused text is on the server already, before anyone chooses.
    expect(revisionsOf(postId).filter((r) => r.kind === "conflict").map((r) => r.text)).toEqual([expect.stringContaining(`Chữ của B ${id}.`)]);
    await expectNoAxeViolations(pageB);

    await dialog.getByRole("button", { name: "Giữ bản của tôi" }).click();
    await expect(dialog).toBeHidden();
    await expectAutosaved(pageB);
    await expect.poll(() => postBodyText(postId)).toContain(`Chữ của B ${id}.`);
    expect(postBodyText(postId)).not.toContain(`Chữ của A ${id}.`);
    // A's text survives as a revision.
    expect(revisionsOf(postId).some((r) => r.kind !== "conflict" && r.text.includes(`Chữ của A ${id}.`))).toBe(true);
  });

  test("taking the other's version loads it into the form; mine is kept as a conflict revision", async ({ browser }) => {
    const { id, postId, pageA, pageB } = await twoEditors(browser);
    await typeAtEnd(pageA, ` Chữ của A ${id}.`);
    await expectAutosaved(pageA);

    // A save by hand meets the conflict too.
    await typeAtEnd(pageB, ` Chữ của B ${id}.`);
    await pageB.getByRole("button", { name: "Lưu", exact: true }).click();
    const dialog = pageB.getByRole("dialog", { name: "Người khác đã lưu bài này trong lúc bạn sửa" });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await dialog.getByRole("button", { name: "Lấy bản của người kia" }).click();
    await expect(dialog).toBeHidden();
    await expect(bodyEditor(pageB)).toContainText(`Chữ của A ${id}.`);
    await expect(bodyEditor(pageB)).not.toContainText(`Chữ của B ${id}.`);
    expect(revisionsOf(postId).some((r) => r.kind === "conflict" && r.text.includes(`Chữ của B ${id}.`))).toBe(true);

    // Editing on from their version saves without another conflict.
    await typeAtEnd(pageB, ` Tiếp theo ${id}.`);
    await expectAutosaved(pageB);
    await expect.poll(() => postBodyText(postId)).toContain(`Chữ của A ${id}. Tiếp theo ${id}.`);
  });
});
