import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { countPostsWithTitle, deletePostsBySlug, runImporter, writeExports } from "./fixtures/import-cli";
import { samples } from "./fixtures/samples";

function exportText(title: string, dateLine: string, source = "Văn phòng Cục") {
  return [
    dateLine,
    "",
    "Xem với cỡ chữ Đọc bài viết Tương phản",
    "",
    title,
    "",
    "Sáng nay, đơn vị đã tổ chức buổi làm việc với nhiều nội dung quan trọng.",
    "",
    "Buổi làm việc diễn ra trong không khí cởi mở, các đại biểu đã trao đổi thẳng thắn.",
    "",
    "Toàn cảnh buổi làm việc",
    "",
    "Kết thúc buổi làm việc, hai bên thống nhất các bước tiếp theo./.",
    "",
    source,
  ].join("\n");
}

test("an import into the running app's database shows on the site without a restart", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const title = `Buổi làm việc kiểm thử nhập dữ liệu ${stamp}`;
  const slug = `buoi-lam-viec-kiem-thu-nhap-du-lieu-${stamp}`;
  const { paths, dir } = writeExports({
    "good.txt": exportText(title, "CN, 01/11/2026 | 08:05 SA"),
    "broken.txt": "Không có dòng ngày giờ\n\nChỉ có một dòng",
  });
  try {
    // The category page is cached before the import, so this also proves the cache is refreshed.
    await page.goto(`/chuyen-muc/${samples.categories.emulation.slug}`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);

    const first = await runImporter(["--category", samples.categories.emulation.name, ...paths]);
    expect(first.code).toBe(1); // one file failed...
    expect(first.stderr).toContain("broken.txt");
    expect(first.stdout).toContain(`/tin-tuc/${slug}`); // ...and the other was still imported

    await expect(async () => {
      await page.goto(`/chuyen-muc/${samples.categories.emulation.slug}`);
      await expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await page.getByRole("link", { name: title }).click();
    await expect(page.locator(".date-line")).toHaveText("CN, 01/11/2026 | 08:05 SA");
    await expect(page.locator(".article-body p.caption")).toHaveText("Toàn cảnh buổi làm việc");
    await expect(page.locator(".source")).toHaveText("Văn phòng Cục");

    const again = await runImporter([...paths.slice(0, 1)]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("bỏ qua");
    expect(countPostsWithTitle(title)).toBe(1);
  } finally {
    deletePostsBySlug([slug]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await expect(async () => {
    const response = await page.goto(`/tin-tuc/${slug}`);
    expect(response?.status()).toBe(404);
  }).toPass({ timeout: 10_000 });
});

test("a dry run prints the parsed posts as JSON and writes nothing", async () => {
  const stamp = Date.now().toString(36);
  const title = `Bài chỉ xem thử ${stamp}`;
  const { paths, dir } = writeExports({ "a.txt": exportText(title, "Th 2, 02/11/2026 | 14:30 CH", "Phòng Tổ chức cán bộ") });
  try {
    const result = await runImporter(["--dry-run", "--json", ...paths]);
    expect(result.code).toBe(0);
    const records = JSON.parse(result.stdout);
    expect(records).toEqual([
      {
        title,
        slug: `bai-chi-xem-thu-${stamp}`,
        publishedAt: "2026-11-02T14:30:00+07:00",
        lead: "Sáng nay, đơn vị đã tổ chức buổi làm việc với nhiều nội dung quan trọng.",
        source: "Phòng Tổ chức cán bộ",
        captions: ["Toàn cảnh buổi làm việc"],
        paragraphs: [
          "Buổi làm việc diễn ra trong không khí cởi mở, các đại biểu đã trao đổi thẳng thắn.",
          "Kết thúc buổi làm việc, hai bên thống nhất các bước tiếp theo./.",
        ],
        accessibility: [],
      },
    ]);
    expect(countPostsWithTitle(title)).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the editor's accessibility checks run on each imported body: reported per file, the post imported anyway", async () => {
  const stamp = Date.now().toString(36);
  const title = `Buổi làm việc có đoạn chữ hoa ${stamp}`;
  const slug = `buoi-lam-viec-co-doan-chu-hoa-${stamp}`;
  const shouting = "TOÀN THỂ CÁN BỘ CỦA ĐƠN VỊ QUYẾT TÂM HOÀN THÀNH XUẤT SẮC NHIỆM VỤ ĐƯỢC GIAO.";
  const text = exportText(title, "Th 3, 03/11/2026 | 09:15 SA").replace("Toàn cảnh buổi làm việc", shouting);
  const { paths, dir } = writeExports({ "chu-hoa.txt": text });
  try {
    const result = await runImporter(["--json", ...paths]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("chu-hoa.txt: khả năng tiếp cận (cảnh báo): Đoạn văn thứ 2 viết toàn chữ in hoa.");
    expect(result.stderr).toContain("Khả năng tiếp cận: 1 tệp có điểm cần sửa (0 lỗi, 1 cảnh báo)");
    const [outcome] = JSON.parse(result.stdout) as Array<{ status: string; slug: string; accessibility: Array<{ key: string; severity: string }> }>;
    expect(outcome).toMatchObject({ status: "imported", slug, accessibility: [{ key: "all-capitals", severity: "warning" }] });
    expect(countPostsWithTitle(title)).toBe(1);
  } finally {
    deletePostsBySlug([slug]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
