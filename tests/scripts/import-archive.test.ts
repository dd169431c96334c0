import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDataDir, serverEnv } from "./helpers/app-server";
import { readOnly } from "./helpers/database";

/* An agency moving its site imports its whole archive in one command: folders, thousands of files, progress, and always a final word. */
const FILES = 5_000;
const run = promisify(execFile);
let dataDir: string;
let archive: string;

async function importLegacy(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "import:legacy", "--", ...args], { env: serverEnv(dataDir), timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** A short export in the old site's format (date line, toolbar, title, lead, body, source). */
function exportText(i: number): string {
  const day = String((i % 28) + 1).padStart(2, "0");
  return [
    `Th 2, ${day}/0${(i % 9) + 1}/2019 | 09:${String(i % 60).padStart(2, "0")} SA`,
    "",
    "Xem với cỡ chữ Đọc bài viết Tương phản",
    "",
    `Thông báo số ${i} về hoạt động sở hữu trí tuệ`,
    "",
    `Tóm tắt của thông báo số ${i}.`,
    "",
    `Nội dung thông báo số ${i}: Cục Sở hữu trí tuệ tổ chức hội nghị tập huấn cho cán bộ.`,
    "",
    "Phòng Thông tin",
  ].join("\n");
}

beforeAll(() => {
  dataDir = makeDataDir("import-archive");
  archive = path.join(dataDir, "luu-tru");
  for (let i = 0; i < FILES; i++) {
    const folder = path.join(archive, `nam-${2010 + (i % 10)}`, `thang-${(i % 12) + 1}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `bai-${String(i).padStart(5, "0")}.txt`), exportText(i));
  }
  fs.writeFileSync(path.join(archive, "ghi-chu.md"), "không phải bài viết: chỉ các tệp .txt được đọc");
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("npm run import:legacy over a folder of 5,000 exports", () => {
  it("imports every file of the folder tree, reports progress, and ends with its summary", async () => {
    const result = await importLegacy([archive]);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    expect(result.stdout.trim().split("\n").at(-1)).toBe(`Đã nhập ${FILES}, bỏ qua 0, lỗi 0.`);
    expect(result.stderr).toMatch(/Đã xử lý [\d.]+\/5\.000 tệp \(nhập [\d.]+, bỏ qua 0, lỗi 0\)…/);
    expect(readOnly(path.join(dataDir, "cms.db"), (db) => (db.prepare("SELECT count(*) AS n FROM posts").get() as { n: number }).n)).toBe(FILES);
  }, 600_000);

  it("finds every post of a second run and leaves it alone", async () => {
    const result = await importLegacy([archive, "--json"]);
    expect(result.code).toBe(0);
    const outcomes = JSON.parse(result.stdout) as Array<{ status: string }>;
    expect(outcomes).toHaveLength(FILES);
    expect(outcomes.every((o) => o.status === "skipped")).toBe(true);
  }, 600_000);

  it("says why it could not read what it was given, imports the rest, and exits 1", async () => {
    const one = path.join(archive, "nam-2010", "thang-1", "bai-00000.txt");
    const result = await importLegacy([one, path.join(dataDir, "khong-co.txt"), path.join(dataDir, "thu-muc-rong")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/khong-co\.txt: không nhập được: Không đọc được tệp \(ENOENT\)/);
    expect(result.stdout.trim().split("\n").at(-1)).toBe("Đã nhập 0, bỏ qua 1, lỗi 2.");
  }, 120_000);
});
