import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documentAttachments, documentRelations, documents, posts } from "@/db/schema";
import { findPublicDocument } from "@/lib/dal/documents/public";
import { searchRegistry } from "@/lib/dal/documents/search";
import { importDocumentCsv } from "@/lib/documents/import";
import { db } from "./helpers/posts-world";

const SAMPLES = path.join(process.cwd(), "samples", "documents");
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-doc-import-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const rows = (table: typeof documents | typeof documentAttachments | typeof documentRelations | typeof posts) => db.select({ n: count() }).from(table).get()!.n;

describe("importing a CSV of documents", () => {
  it("imports the shipped sample with its PDFs and relations, and a second run duplicates nothing", async () => {
    const csv = fs.readFileSync(path.join(SAMPLES, "van-ban.csv"));
    const first = await importDocumentCsv(db, csv, { filesDir: path.join(SAMPLES, "files"), dryRun: false, attachmentsDir: dir });
    if (!first.ok) throw new Error(first.error);
    expect(first.counts).toEqual({ imported: 10, skipped: 0, failed: 0 });
    expect(rows(documentAttachments)).toBe(11);
    expect(rows(documentRelations)).toBeGreaterThan(0);
    const law = findPublicDocument(db, "50-2005-qh11");
    if (law.kind !== "document") throw new Error("the law is not public");
    expect(law.document.status).toBe("partly_expired");
    expect(law.document.relations.amendedBy.map((r) => r.number)).toEqual(expect.arrayContaining(["36/2009/QH12", "42/2019/QH14", "07/2022/QH15"]));
    // The number's own document comes first, then those whose files cite it (the circular quotes the decree).
    expect(searchRegistry(db, { q: "65 2023 nd cp" }).items.map((i) => i.number)).toEqual(["65/2023/NĐ-CP", "23/2023/TT-BKHCN"]);
    const counts = [rows(documents), rows(documentAttachments), rows(documentRelations), rows(posts)];
    const second = await importDocumentCsv(db, csv, { filesDir: path.join(SAMPLES, "files"), dryRun: false, attachmentsDir: dir });
    expect(second.ok && second.counts).toEqual({ imported: 0, skipped: 10, failed: 0 });
    expect([rows(documents), rows(documentAttachments), rows(documentRelations), rows(posts)]).toEqual(counts);
    // Text extraction runs one child process per PDF: on a busy machine that takes a while.
  }, 60_000);

  it("names each bad row by its line and reason, imports the others, and writes nothing in a dry run", async () => {
    fs.writeFileSync(path.join(dir, "tt01.pdf"), "Không phải PDF");
    const csv = [
      "Loại văn bản,Số/Ký hiệu,Cơ quan ban hành,Ngày ban hành,Trích yếu,Tệp",
      "Nghị định,abc,Chính phủ,01/01/2024,Số sai,",
      "Thông tư,01/2024/TT-BKHCN,Bộ Khoa học và Công nghệ,02/01/2024,Tệp giả,tt01.pdf",
      "Thông tư,02/2024/TT-BKHCN,Bộ Khoa học và Công nghệ,03/01/2024,Thông tư đúng,",
      "Thông tư,03/2024/TT-BKHCN,Bộ Khoa học và Công nghệ,04/01/2024,Tệp ngoài thư mục,../van-ban.csv",
    ].join("\n");
    const dry = await importDocumentCsv(db, csv, { filesDir: dir, dryRun: true, attachmentsDir: dir });
    expect(dry.ok && dry.rows.map((r) => [r.line, r.status])).toEqual([[2, "failed"], [3, "failed"], [4, "would-import"], [5, "failed"]]);
    expect(rows(documents)).toBe(0);
    const report = await importDocumentCsv(db, csv, { filesDir: dir, dryRun: false, attachmentsDir: dir });
    if (!report.ok) throw new Error(report.error);
    expect(report.counts).toEqual({ imported: 1, skipped: 0, failed: 3 });
    const failed = report.rows.filter((r) => r.status === "failed");
    expect(failed.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(failed[1]).toMatchObject({ reason: expect.stringContaining("tt01.pdf") });
    expect(failed[2]).toMatchObject({ reason: expect.stringContaining("không ghi đường dẫn") });
    expect(rows(documents)).toBe(1);
  });
});
