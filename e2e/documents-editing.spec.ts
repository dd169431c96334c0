import { expect, test } from "@playwright/test";
import { expectAutosaved, localOffer, saveStatus } from "./fixtures/autosave";
import { captureAction, replayOf } from "./fixtures/actions";
import { expectNoAxeViolations } from "./fixtures/axe";
import { readDb } from "./fixtures/db";
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

  test("the documents' staff screens (list, new, edit) have no axe violations", async ({ browser }) => {
    const page = await signedInPage(browser, await createUser("editor"));
    const docId = await draftDocument(page, { number: uniqueNumber(), title: `Văn bản kiểm tra axe ${stamp()}` });
    for (const url of ["/admin/documents", "/admin/documents/new", `/admin/documents/${docId}`]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });

  test("editors keep the list of document types; admins set the files' size limit; an author is refused, and a replayed action too", async ({ browser, baseURL }) => {
    const id = stamp();
    const page = await signedInPage(browser, await createUser("editor"));
    await page.goto("/admin/documents");
    await page.getByRole("link", { name: "Loại văn bản" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Loại văn bản" })).toBeVisible();
    // An editor does not see the size limit, an admin's setting.
    await expect(page.getByRole("heading", { name: "Giới hạn tệp đính kèm" })).toHaveCount(0);
    const list = page.getByRole("list", { name: "Các loại văn bản theo thứ tự" });
    const name = `Loại thử ${id}`;
    await page.getByLabel("Loại văn bản mới").fill(name);
    const request = await captureAction(page, "**/admin/documents/types", () => page.getByRole("button", { name: "Thêm loại" }).click());
    const replay = await replayOf(request, baseURL!);
    // The captured request never reached the server: the page is loaded again and the type added for real.
    await page.unrouteAll();
    await page.reload();
    await page.getByLabel("Loại văn bản mới").fill(name);
    await page.getByRole("button", { name: "Thêm loại" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Đã thêm loại văn bản “${name}”.` })).toBeVisible();
    await expect(list.getByRole("listitem").last().getByRole("textbox")).toHaveValue(name);
    await list.getByRole("listitem").last().getByRole("textbox").fill(`${name} đổi tên`);
    await page.getByRole("button", { name: `Đổi tên ${name}`, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: `Đã đổi tên thành “${name} đổi tên”.` })).toBeVisible();
    await page.getByRole("button", { name: `Lên ${name} đổi tên` }).click();
    await expect(list.getByRole("listitem").nth(-2).getByRole("textbox")).toHaveValue(`${name} đổi tên`);
    // A type in use has no remove button; this one is unused.
    await expect(page.getByRole("button", { name: "Xoá Nghị định", exact: true })).toHaveCount(0);
    await page.getByRole("button", { name: `Xoá ${name} đổi tên` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Đã xoá loại văn bản “${name} đổi tên”.` })).toBeVisible();
    await expectNoAxeViolations(page);

    const admin = await signedInPage(browser, await createUser("admin"));
    await admin.goto("/admin/documents/types");
    const limit = admin.getByLabel("Dung lượng tối đa mỗi tệp (MB)");
    await expect(limit).toHaveValue(/^\d+$/);
    await limit.fill("0");
    await admin.getByRole("button", { name: "Lưu giới hạn" }).click();
    await expect(admin.getByText("Giới hạn nhỏ nhất là 1 MB.").first()).toBeVisible();
    await limit.fill("năm mươi");
    await admin.getByRole("button", { name: "Lưu giới hạn" }).click();
    await expect(admin.getByText("Hãy nhập giới hạn bằng một số (MB).").first()).toBeVisible();
    await limit.fill("50");
    await admin.getByRole("button", { name: "Lưu giới hạn" }).click();
    await expect(admin.getByText("Đã lưu: tệp văn bản tối đa 50 MB.")).toBeVisible();

    const author = await signedInPage(browser, await createUser("author"));
    expect((await author.goto("/admin/documents/types"))?.status()).toBe(403);
    await author.goto("/admin/documents");
    await expect(author.getByRole("link", { name: "Loại văn bản" })).toHaveCount(0);
    const replayed = await author.request.post("/admin/documents/types", replay);
    expect(await replayed.text()).toContain("Bạn không có quyền thực hiện thao tác này.");
    expect(readDb((db) => db.prepare("SELECT count(*) AS n FROM document_types WHERE name = ?").get(name) as { n: number }).n).toBe(0);
  });
});
