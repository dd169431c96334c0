import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { deletePostsBySlug, runImporter, writeExports } from "./fixtures/import-cli";
import { samples } from "./fixtures/samples";

const headerSearch = (page: Page) => page.getByRole("search", { name: "Tìm kiếm trên trang" });
const searchForm = (page: Page) => page.getByRole("search", { name: "Tìm và lọc bài viết" });
const resultTitles = (page: Page) => page.locator("main article h2");
const summary = (page: Page) => page.locator("#search-summary");

async function searchFromHeader(page: Page, text: string) {
  await headerSearch(page).getByRole("searchbox", { name: "Tìm kiếm" }).fill(text);
  await headerSearch(page).getByRole("button", { name: "Tìm kiếm" }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=/);
}

test.describe("search", () => {
  test("a reader types without diacritics in the header and finds the post, words highlighted as written", async ({ page }) => {
    await page.goto("/");
    await searchFromHeader(page, "hoi nghi tong ket");
    await expect(page).toHaveURL("/tim-kiem?q=hoi+nghi+tong+ket");
    await expect(page).toHaveTitle(/^Tìm kiếm: hoi nghi tong ket/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page.getByRole("heading", { level: 1, name: "Tìm kiếm" })).toBeVisible();
    await expect(summary(page)).toHaveText(/^Tìm thấy \d+ bài viết cho “hoi nghi tong ket”/);
    await expect(searchForm(page).getByRole("searchbox", { name: "Từ khoá" })).toHaveValue("hoi nghi tong ket");

    // Other tests add posts that mention "hội nghị" too, so find the sample among the results;
    // title-first ranking itself is unit-tested in tests/unit/search-index.test.ts.
    const first = page.locator("main article").filter({ has: page.getByRole("heading", { level: 2, name: samples.conference2020.title }) });
    await expect(first.getByRole("heading", { level: 2 })).toHaveText(samples.conference2020.title);
    await expect(first.locator("h2 mark")).toHaveText(["Hội", "nghị", "tổng", "kết"]);
    await expect(first.getByText(samples.conference2020.dateLine)).toBeVisible();
    await expect(first.getByRole("link", { name: samples.categories.party.name })).toHaveAttribute("href", `/chuyen-muc/${samples.categories.party.slug}`);
    await expect(first.locator("p mark").first()).toBeVisible();

    await first.getByRole("link", { name: samples.conference2020.title }).click();
    await expect(page).toHaveURL(`/tin-tuc/${samples.conference2020.slug}`);
  });

  test("dang bo finds Đảng bộ", async ({ page }) => {
    await page.goto("/tim-kiem?q=dang+bo");
    await expect(resultTitles(page).filter({ hasText: samples.conference2020.title })).toHaveCount(1);
    await expect(page.locator("main article").filter({ hasText: samples.conference2020.title }).locator("h2 mark")).toHaveText(["Đảng", "bộ"]);
  });

  test("a quoted phrase only finds its words side by side", async ({ page }) => {
    // Sample 002 says "Hội nghị nhằm tổng kết": all four words, not as one phrase.
    await page.goto("/tim-kiem?q=hoi+nghi+tong+ket");
    await expect(resultTitles(page).filter({ hasText: samples.emulation2020.title })).toHaveCount(1);

    await searchForm(page).getByRole("searchbox", { name: "Từ khoá" }).fill("“hội nghị tổng kết”");
    await searchForm(page).getByRole("button", { name: "Tìm kiếm" }).click();
    await expect(summary(page)).toHaveText(/^Tìm thấy \d+ bài viết cho “hội nghị tổng kết”/);
    await expect(resultTitles(page).filter({ hasText: samples.conference2020.title })).toHaveCount(1);
    await expect(resultTitles(page).filter({ hasText: samples.emulation2020.title })).toHaveCount(0);
    await expect(page.locator("main article").first().locator("h2 mark")).toHaveText(["Hội nghị tổng kết"]);
  });

  test("the category filter narrows the results", async ({ page }) => {
    await page.goto("/tim-kiem?q=hoi+nghi");
    await expect(resultTitles(page).filter({ hasText: samples.conference2020.title })).toHaveCount(1);
    await expect(resultTitles(page).filter({ hasText: samples.emulation2020.title })).toHaveCount(1);

    await searchForm(page).getByRole("combobox", { name: "Chuyên mục" }).selectOption({ label: samples.categories.emulation.name });
    await searchForm(page).getByRole("button", { name: "Tìm kiếm" }).click();
    // A GET form sends its empty date fields too; they are ignored.
    await expect(page).toHaveURL(new RegExp(`/tim-kiem\\?q=hoi\\+nghi&chuyen-muc=${samples.categories.emulation.slug}&`));
    await expect(summary(page)).toContainText(`trong chuyên mục ${samples.categories.emulation.name}`);
    await expect(resultTitles(page).filter({ hasText: samples.emulation2020.title })).toHaveCount(1);
    await expect(resultTitles(page).filter({ hasText: samples.conference2020.title })).toHaveCount(0);
    const categories = await page.locator("main article p a[href^='/chuyen-muc/']").allTextContents();
    expect(new Set(categories)).toEqual(new Set([samples.categories.emulation.name]));
    await expect(searchForm(page).getByRole("combobox", { name: "Chuyên mục" })).toHaveValue(samples.categories.emulation.slug);
  });

  test("the date range filters by Vietnam calendar day", async ({ page }) => {
    await page.goto("/tim-kiem?q=hoi+nghi&tu-ngay=2020-12-31&den-ngay=31/12/2020");
    await expect(resultTitles(page).filter({ hasText: samples.conference2020.title })).toHaveCount(1);
    await expect(resultTitles(page).filter({ hasText: samples.emulation2020.title })).toHaveCount(0);
    await expect(searchForm(page).getByLabel("Đến ngày")).toHaveValue("2020-12-31");

    await page.goto("/tim-kiem?q=hoi+nghi&tu-ngay=2021-01-01&den-ngay=2021-01-02");
    await expect(summary(page)).toHaveText("Không tìm thấy bài viết nào cho “hoi nghi”.");
    await expect(page.getByRole("link", { name: "Tìm lại không dùng bộ lọc chuyên mục và ngày" })).toHaveAttribute("href", "/tim-kiem?q=hoi+nghi");
  });

  test("a post taken off the site leaves the results at once", async ({ page }) => {
    const stamp = `tk${Date.now().toString(36)}`;
    const title = `Buổi tập huấn tra cứu nhãn hiệu ${stamp}`;
    const text = [
      "Th 4, 15/01/2025 | 09:00 SA",
      "",
      "Xem với cỡ chữ Đọc bài viết Tương phản",
      "",
      title,
      "",
      "Cán bộ các phòng đã được hướng dẫn tra cứu cơ sở dữ liệu nhãn hiệu.",
      "",
      "Buổi tập huấn giúp rút ngắn thời gian xử lý đơn.",
      "",
      "Phòng Tổ chức cán bộ",
    ].join("\n");
    const { paths, dir } = writeExports({ "search.txt": text });
    let slug = "";
    try {
      const imported = await runImporter(["--category", samples.categories.party.name, ...paths]);
      expect(imported.code, imported.stderr).toBe(0);
      slug = /\/tin-tuc\/([a-z0-9-]+)/.exec(imported.stdout)?.[1] ?? "";
      expect(slug).toContain(stamp);

      await page.goto(`/tim-kiem?q=${stamp}+tap+huan`);
      await expect(resultTitles(page)).toHaveText([title]);
      await expect(page.locator("main article h2 mark")).toHaveText(["tập", "huấn", stamp]);

      deletePostsBySlug([slug]);
      slug = "";
      await page.goto(`/tim-kiem?q=${stamp}+tap+huan`);
      await expect(summary(page)).toHaveText(`Không tìm thấy bài viết nào cho “${stamp} tap huan”.`);
      await expect(resultTitles(page)).toHaveCount(0);
    } finally {
      if (slug) deletePostsBySlug([slug]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("pagination keeps the query and the filters", async ({ page }) => {
    const stamp = `tt${Date.now().toString(36)}`;
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `p${i}.txt`,
        [
          `Th 4, 15/01/2025 | 10:${String(i).padStart(2, "0")} SA`,
          "",
          `Thông báo số ${i + 1} về đợt kiểm tra ${stamp}`,
          "",
          "Đơn vị thông báo lịch kiểm tra định kỳ.",
          "",
          "Văn phòng Cục",
        ].join("\n"),
      ]),
    );
    const { paths, dir } = writeExports(files);
    let slugs: string[] = [];
    try {
      const imported = await runImporter(["--category", samples.categories.emulation.name, ...paths]);
      expect(imported.code, imported.stderr).toBe(0);
      slugs = [...imported.stdout.matchAll(/\/tin-tuc\/([a-z0-9-]+)/g)].map((m) => m[1]!);
      expect(slugs).toHaveLength(12);

      await page.goto(`/tim-kiem?q=${stamp}&chuyen-muc=${samples.categories.emulation.slug}&tu-ngay=2025-01-15`);
      await expect(summary(page)).toContainText("Tìm thấy 12 bài viết");
      await expect(resultTitles(page)).toHaveCount(10);
      await page.getByRole("navigation", { name: "Phân trang" }).getByRole("link", { name: "Trang sau" }).click();
      await expect(page).toHaveURL(`/tim-kiem?q=${stamp}&chuyen-muc=${samples.categories.emulation.slug}&tu-ngay=2025-01-15&trang=2`);
      await expect(resultTitles(page)).toHaveCount(2);
      await expect(summary(page)).toContainText("(trang 2/2)");
    } finally {
      deletePostsBySlug(slugs);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const [input, message] of [
    ['"', "Từ khoá cần có ít nhất một chữ hoặc số. Ví dụ: hội nghị tổng kết."],
    ["*", "Từ khoá cần có ít nhất một chữ hoặc số. Ví dụ: hội nghị tổng kết."],
    ["NEAR(", "Không tìm thấy bài viết nào cho “NEAR(”."],
    ["a OR", "Không tìm thấy bài viết nào cho “a OR”."],
    ["title:x ^y -z (", "Không tìm thấy bài viết nào cho “title:x ^y -z (”."],
  ] as Array<[string, string]>) {
    test(`a search for ${input} answers with a page, not an error`, async ({ page }) => {
      const response = await page.goto(`/tim-kiem?q=${encodeURIComponent(input)}`);
      expect(response?.status()).toBe(200);
      await expect(summary(page)).toHaveText(message);
      await expect(searchForm(page).getByRole("searchbox", { name: "Từ khoá" })).toHaveValue(input);
    });
  }

  test("an empty search explains what to type", async ({ page }) => {
    const response = await page.goto("/tim-kiem");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/^Tìm kiếm \|/);
    await expect(summary(page)).toHaveText("Nhập từ khoá để tìm bài viết, ví dụ: hội nghị tổng kết.");
  });

  test("search works with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`/tin-tuc/${samples.emulation2020.slug}`);
      await headerSearch(page).getByRole("searchbox", { name: "Tìm kiếm" }).fill("dien hinh tien tien");
      await headerSearch(page).getByRole("searchbox", { name: "Tìm kiếm" }).press("Enter");
      await expect(page).toHaveURL("/tim-kiem?q=dien+hinh+tien+tien");
      await expect(resultTitles(page).first()).toHaveText(samples.emulation2020.title);

      await searchForm(page).getByRole("combobox", { name: "Chuyên mục" }).selectOption({ label: samples.categories.party.name });
      await searchForm(page).getByRole("button", { name: "Tìm kiếm" }).click();
      await expect(page).toHaveURL(/chuyen-muc=hoat-dong-dang-doan-the/);
      await expect(resultTitles(page).filter({ hasText: samples.emulation2020.title })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  for (const [mode, prefs] of [
    ["normal mode", null],
    ["high-contrast mode", { fontSize: 100, contrast: "high" }],
  ] as const) {
    test(`axe finds no violations on the results page in ${mode}`, async ({ page }) => {
      if (prefs) await page.addInitScript((value) => localStorage.setItem("reader-prefs", value), JSON.stringify(prefs));
      await page.goto("/tim-kiem?q=hoi+nghi");
      await expect(page.locator("main article mark").first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("axe finds no violations on the no-results page", async ({ page }) => {
    await page.goto("/tim-kiem?q=khongcobaivietnao&chuyen-muc=khong-co");
    await expect(summary(page)).toHaveText(/^Không tìm thấy/);
    await expectNoAxeViolations(page);
  });

  test("the results page never scrolls sideways on a 320 px phone at 200% text", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.addInitScript(() => localStorage.setItem("reader-prefs", JSON.stringify({ fontSize: 200 })));
    await page.goto("/tim-kiem?q=hoi+nghi+tong+ket&tu-ngay=2020-01-01");
    await expect(page.locator("html")).toHaveAttribute("data-font-size", "200");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
