import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { stamp } from "./fixtures/stamp";
import { createUser, signedInPage } from "./fixtures/users";

// The quickstart's demo content imports samples/documents/van-ban.csv and its PDFs on the first start.
const DECREE = "/van-ban/65-2023-nd-cp";
const registryForm = (page: Page) => page.getByRole("search", { name: "Tìm và lọc văn bản" });
const resultNumbers = (page: Page) => page.locator("main ol li p:first-child a");

test.describe("the public registry", () => {
  for (const q of ["65/2023", "65 2023 nd cp", "ND-CP 65"]) {
    test(`finds Nghị định 65/2023/NĐ-CP typed as “${q}”, first`, async ({ page }) => {
      await page.goto("/van-ban");
      await registryForm(page).getByRole("searchbox", { name: "Số/ký hiệu hoặc từ khoá" }).fill(q);
      await registryForm(page).getByRole("button", { name: "Tìm văn bản" }).click();
      await expect(resultNumbers(page).first()).toHaveText("Nghị định 65/2023/NĐ-CP");
    });
  }

  test("finds words without diacritics and narrows by a facet, newest issued first, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/van-ban?q=so+huu+tri+tue");
    await expect(page.locator("#registry-summary")).toHaveText(/^Có \d+ văn bản/);
    await registryForm(page).getByLabel("Loại văn bản").selectOption("luat");
    await registryForm(page).getByRole("button", { name: "Tìm văn bản" }).click();
    await expect(page).toHaveURL(/loai=luat/);
    const numbers = await resultNumbers(page).allTextContents();
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers.every((n) => n.startsWith("Luật "))).toBe(true);
    // Newest issued first: the 2022 amendment before the 2005 law.
    expect(numbers.indexOf("Luật 07/2022/QH15")).toBeLessThan(numbers.indexOf("Luật 50/2005/QH11"));
    await registryForm(page).getByLabel("Tình trạng hiệu lực").selectOption("partly_expired");
    await registryForm(page).getByRole("button", { name: "Tìm văn bản" }).click();
    await expect(resultNumbers(page)).toHaveText(["Luật 50/2005/QH11"]);
    await context.close();
  });

  test("shows a document with every field, its status in words, its relations both ways and its files", async ({ page }) => {
    await page.goto(DECREE);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Quy định chi tiết");
    const fields = page.locator("main dl");
    for (const label of ["Số/ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Ngày ban hành", "Ngày có hiệu lực", "Tình trạng hiệu lực", "Lĩnh vực"]) await expect(fields.getByText(label, { exact: true })).toBeVisible();
    await expect(fields.locator("[data-validity]")).toHaveText(/hiệu lực/);
    await expect(fields.locator("[data-validity] svg")).toHaveCount(1);
    const related = page.getByRole("region", { name: "Văn bản liên quan" });
    await expect(related.getByRole("link", { name: "103/2006/NĐ-CP" })).toBeVisible();
    await related.getByRole("link", { name: "103/2006/NĐ-CP" }).click();
    await expect(page.getByRole("region", { name: "Văn bản liên quan" }).getByText("Được thay thế bởi")).toBeVisible();
    await page.goto(DECREE);
    const files = page.getByRole("region", { name: "Tệp đính kèm" });
    await expect(files.getByText(/^PDF, \d+(,\d)? KB/)).toBeVisible();
    await expect(files.getByRole("link", { name: /Xem trên trình duyệt/ })).toHaveAttribute("href", /\?xem=1$/);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ "@type": "Legislation", legislationIdentifier: "65/2023/NĐ-CP", legislationPassedBy: { name: "Chính phủ" } });
  });

  test("serves a file with its exact type, nosniff, the sandbox policy and its name; a PDF inline when previewed", async ({ page, request }) => {
    await page.goto(DECREE);
    const href = await page.getByRole("region", { name: "Tệp đính kèm" }).getByRole("link", { name: /^Tải về/ }).first().getAttribute("href");
    const download = await request.get(href!);
    expect(download.status()).toBe(200);
    const headers = download.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("sandbox");
    expect(headers["content-disposition"]).toMatch(/^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''/);
    expect(Number(headers["content-length"])).toBe((await download.body()).length);
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const preview = await request.get(`${href}?xem=1`);
    expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
    expect((await request.get("/tep/999999/khong-co.pdf")).status()).toBe(404);
  });

  test("offers the feed of new documents and lists them in the sitemap", async ({ request }) => {
    const feed = await (await request.get("/van-ban/rss.xml")).text();
    expect(feed).toContain("65/2023/NĐ-CP");
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain(`${DECREE}</loc>`);
  });

  for (const [mode, prefs] of [["normal", null], ["high-contrast", { fontSize: 100, contrast: "high" }]] as const) {
    for (const url of ["/van-ban", DECREE, "/van-ban?q=65%2F2023&loai=nghi-dinh"]) {
      test(`axe finds no violations on ${url} in ${mode} mode`, async ({ page }) => {
        if (prefs) await page.addInitScript((value) => localStorage.setItem("reader-prefs", value), JSON.stringify(prefs));
        await page.goto(url);
        await expectNoAxeViolations(page);
      });
    }
  }

  test("prints as a record sheet: the record, its fields and its files with their addresses, without the site around it", async ({ page }) => {
    // The button opens the browser's print dialog (window.print, replaced here to count the calls).
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.goto(DECREE);
    await expect(page.getByRole("group", { name: "In và chia sẻ" })).toHaveAttribute("data-ready", "true");
    const printButton = page.getByRole("button", { name: "In văn bản" });
    await printButton.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: "print" });
    for (const around of [page.locator("header.site-header"), page.locator("footer.site-footer"), page.getByRole("navigation", { name: "Đường dẫn trang" }), printButton]) {
      await expect(around).toBeHidden();
    }
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("article dl")).toContainText("Cơ quan ban hành");
    await expect(page.getByTestId("file-address").first()).toBeVisible();
    await expect(page.getByTestId("file-address").first()).toHaveText(/^https?:\/\/\S+\/tep\/\d+\/\S+$/);
    await expect(page.getByRole("link", { name: /^Tải về/ }).first()).toBeHidden();
    await expect(page.getByText(/^Địa chỉ văn bản: https?:\/\/\S+\/van-ban\/65-2023-nd-cp$/)).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByTestId("file-address").first()).toBeHidden();
  });

  test("fits a 320 px screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const url of ["/van-ban", DECREE]) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
    }
  });
});

test.describe("staff", () => {
  test("an author drafts a document, is warned of a duplicate number as she types, attaches a file and submits; an editor publishes it", async ({ browser }) => {
    const author = await createUser("author");
    const editor = await createUser("editor");
    const page = await signedInPage(browser, author);
    await page.goto("/admin/documents/new");
    const form = page.getByRole("form", { name: "Thêm văn bản" });
    await form.getByLabel("Cơ quan ban hành").fill("Chính phủ");
    await form.getByLabel("Số/ký hiệu").fill("65/2023/ND-CP");
    await expect(page.getByTestId("number-warning")).toContainText("Cơ quan này đã có văn bản số 65/2023/NĐ-CP");
    const number = `${Number(stamp().replace(/\D/g, "").slice(-5)) + 1}/2026/QĐ-SHTT`;
    await form.getByLabel("Số/ký hiệu").fill(number);
    await expect(page.getByTestId("number-warning")).toBeEmpty();
    await form.getByLabel("Loại văn bản").selectOption({ label: "Quyết định" });
    await form.getByLabel("Cơ quan ban hành").fill("Cục Sở hữu trí tuệ");
    await form.getByLabel("Ngày ban hành").fill("02/01/2026");
    await form.getByLabel("Ngày có hiệu lực").fill("02/01/2026");
    await form.getByLabel("Trích yếu").fill("Quyết định thử nghiệm về quy trình thẩm định đơn");
    await form.getByLabel("Lĩnh vực").fill("Sở hữu công nghiệp");
    await form.getByLabel("Sửa đổi, bổ sung các văn bản số").fill("1234/QĐ-SHTT");
    await form.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page).toHaveURL(/\/admin\/documents\/\d+\?moi=1/);
    const editUrl = page.url().replace(/\?.*$/, "");

    // A text file named .pdf is refused by content.
    await page.getByLabel("Tệp", { exact: true }).setInputFiles({ name: "gia-mao.pdf", mimeType: "application/pdf", buffer: Buffer.from("Không phải PDF") });
    await page.getByRole("button", { name: "Tải tệp lên" }).click();
    await expect(page.getByRole("region", { name: "Tệp đính kèm" }).getByRole("status")).toContainText("Chỉ nhận tệp PDF");
    const pdf = await (await page.request.get(await firstFileHref(page))).body();
    await page.getByLabel("Tệp", { exact: true }).setInputFiles({ name: "Quyết định “thử” số 1.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByLabel("Nhãn (ví dụ: Văn bản ký số, Phụ lục)").fill("Văn bản ký số");
    await page.getByRole("button", { name: "Tải tệp lên" }).click();
    await expect(page.getByRole("region", { name: "Tệp đính kèm" }).getByText("Văn bản ký số", { exact: true })).toBeVisible();

    // Authors cannot publish; they submit.
    await expect(page.getByRole("button", { name: "Xuất bản" })).toHaveCount(0);
    await page.getByRole("button", { name: "Gửi duyệt" }).click();
    await expect(page.getByTestId("post-status")).toHaveText("Chờ duyệt");

    const editorPage = await signedInPage(browser, editor);
    await editorPage.goto(editUrl);
    await editorPage.getByRole("button", { name: "Xuất bản" }).click();
    await expect(editorPage.getByTestId("post-status")).toHaveText("Đã xuất bản");
    await editorPage.goto(`/van-ban?q=${encodeURIComponent(number)}`);
    await expect(resultNumbers(editorPage).first()).toHaveText(`Quyết định ${number}`);
    await resultNumbers(editorPage).first().click();
    await expect(editorPage.getByRole("region", { name: "Văn bản liên quan" }).getByRole("link", { name: "1234/QĐ-SHTT" })).toBeVisible();
    const file = editorPage.getByRole("region", { name: "Tệp đính kèm" }).getByRole("link", { name: /^Tải về/ }).first();
    const download = await editorPage.request.get((await file.getAttribute("href"))!);
    expect(download.headers()["content-disposition"]).toContain("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh");
  });
});

/** The first file of the sample decree, a real PDF to upload. */
async function firstFileHref(page: Page): Promise<string> {
  const html = await (await page.request.get(DECREE)).text();
  return /href="(\/tep\/\d+\/[^"?]+)"/.exec(html)![1]!;
}
