import { expect, test } from "@playwright/test";
import { expectAutosaved, localOffer, saveStatus } from "./fixtures/autosave";
import { documentForm, draftDocument, fillDocument, registryRow, uniqueNumber } from "./fixtures/documents";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

test.describe("the document form keeps what was typed", () => {
  test("a new document never saved is kept on this machine and restored with its registry fields", async ({ browser }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("author"));
    await page.goto("/admin/documents/new");
    const number = uniqueNumber();
    await fillDocument(page, { number, title: `Văn bản chưa lưu ${id}`, signer: `Người ký ${id}`, issuedOn: "15/03/2026", type: "Thông tư", fields: "Sở hữu trí tuệ; Đo lường" });
    await expect(saveStatus(page)).toContainText("Đã giữ trên máy này lúc");

    await page.reload();
    const form = documentForm(page);
    await expect(form.getByLabel("Trích yếu")).toHaveValue("");
    await localOffer(page).getByRole("button", { name: "Khôi phục" }).click();
    await expect(form.getByLabel("Trích yếu")).toHaveValue(`Văn bản chưa lưu ${id}`);
    await expect(form.getByLabel("Số/ký hiệu")).toHaveValue(number);
    await expect(form.getByLabel("Người ký")).toHaveValue(`Người ký ${id}`);
    await expect(form.getByLabel("Ngày ban hành")).toHaveValue("15/03/2026");
    await expect(form.getByLabel("Lĩnh vực")).toHaveValue("Sở hữu trí tuệ; Đo lường");
    await expect(form.getByLabel("Loại văn bản").locator("option:checked")).toHaveText("Thông tư");

    // Saved by hand, the copy is no longer offered; a new post's copy is another slot.
    await form.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page).toHaveURL(/\/admin\/documents\/\d+\?moi=1/);
    await page.goto("/admin/documents/new");
    await expect(documentForm(page).getByLabel("Trích yếu")).toBeVisible();
    await expect(localOffer(page)).toHaveCount(0);
  });

  test("a draft document saves its registry fields by itself; when saves fail, the local copy brings them back", async ({ browser }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("author"));
    const docId = await draftDocument(page, { number: uniqueNumber(), title: `Văn bản tự lưu ${id}` });
    const form = documentForm(page);

    await form.getByLabel("Người ký").fill(`Ký thay ${id}`);
    await expectAutosaved(page);
    await expect.poll(() => registryRow(docId).signer).toBe(`Ký thay ${id}`);

    const blockSaves = (route: import("@playwright/test").Route) => (route.request().method() === "POST" ? route.abort("failed") : route.continue());
    await page.route("**/api/posts/*/autosave", blockSaves);
    await form.getByLabel("Cơ quan ban hành").fill(`Vụ Pháp chế ${id}`);
    await form.getByLabel("Ngày ban hành").fill("09/02/2026");
    await expect(saveStatus(page)).toHaveText("Chưa lưu được – đang thử lại", { timeout: 15_000 });
    page.on("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await page.unroute("**/api/posts/*/autosave", blockSaves);

    await expect(form.getByLabel("Cơ quan ban hành")).toHaveValue("Cục Sở hữu trí tuệ");
    await localOffer(page).getByRole("button", { name: "Khôi phục" }).click();
    await expect(form.getByLabel("Cơ quan ban hành")).toHaveValue(`Vụ Pháp chế ${id}`);
    await expect(form.getByLabel("Ngày ban hành")).toHaveValue("09/02/2026");
    await expectAutosaved(page);
    await expect.poll(() => registryRow(docId)).toMatchObject({ issuer: `Vụ Pháp chế ${id}`, issuedOn: "2026-02-09", signer: `Ký thay ${id}` });
  });

  test("a document's history shows its registry fields changed, and a restore brings them back", async ({ browser }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("editor"));
    const docId = await draftDocument(page, { number: uniqueNumber(), title: `Văn bản có lịch sử ${id}`, signer: "Trần Văn Đầu" });
    const form = documentForm(page);
    await form.getByLabel("Người ký").fill("Lê Thị Sau");
    await form.getByLabel("Lĩnh vực").fill("Đo lường");
    await form.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByText("Đã lưu văn bản.")).toBeVisible();
    expect(registryRow(docId).signer).toBe("Lê Thị Sau");

    await page.getByRole("link", { name: "Lịch sử phiên bản" }).click();
    await page.getByRole("link", { name: /^So sánh với bản trước/ }).first().click();
    const section = (name: string) => page.getByRole("region", { name, exact: true });
    await expect(section("Người ký").locator("del")).toHaveText("[đã xoá: Trần Văn Đầu]");
    await expect(section("Người ký").locator("ins")).toHaveText("[đã thêm: Lê Thị Sau]");
    await expect(section("Lĩnh vực").locator("ins")).toHaveText("[đã thêm: Đo lường]");
    await expect(section("Số/Ký hiệu")).toContainText("Không thay đổi.");

    await page.getByRole("link", { name: "‹ Lịch sử phiên bản" }).click();
    await page.getByRole("link", { name: "Xem phiên bản #1" }).click();
    await expect(page.getByRole("region", { name: "Các trường của sổ văn bản ở phiên bản này" })).toContainText("Trần Văn Đầu");
    await page.getByRole("button", { name: "Khôi phục phiên bản này" }).click();
    await expect(page.getByRole("note").getByRole("status")).toContainText("Đã khôi phục phiên bản #1.");
    expect(registryRow(docId).signer).toBe("Trần Văn Đầu");
    await page.goto(`/admin/documents/${docId}`);
    await expect(documentForm(page).getByLabel("Người ký")).toHaveValue("Trần Văn Đầu");
    await expect(documentForm(page).getByLabel("Lĩnh vực")).toHaveValue("Sở hữu công nghiệp");
  });
});
