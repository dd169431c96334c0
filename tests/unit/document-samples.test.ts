import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkAttachment } from "@/lib/attachments/check";
import { contentHash } from "@/lib/attachments/headers";
import { extractAttachmentText } from "@/lib/attachments/extract";
import { parseDocumentCsv } from "@/lib/documents/csv";
import { renderSamplePdfs } from "@/scripts/document-samples";

const DIR = path.join(process.cwd(), "samples/documents");
const parsed = parseDocumentCsv(fs.readFileSync(path.join(DIR, "van-ban.csv")));
if (!parsed.ok) throw new Error(parsed.error);
const named = parsed.rows.flatMap((row) => row.files.map((file) => file.name));

describe("sample documents", () => {
  it("ship exactly the files the CSV names", () => {
    expect(fs.readdirSync(path.join(DIR, "files")).sort()).toEqual([...named].sort());
  });

  it("are what the generator makes from the CSV, byte for byte (run npm run samples:documents after editing it)", async () => {
    const generated = await renderSamplePdfs(parsed.rows);
    expect(generated.map(([name]) => name)).toEqual(named);
    for (const [name, bytes] of generated) {
      expect(contentHash(bytes), name).toBe(contentHash(fs.readFileSync(path.join(DIR, "files", name))));
    }
  }, 30_000);

  it("pass the upload checks as clean PDFs and carry their number as text", async () => {
    for (const name of named) {
      const checked = await checkAttachment(fs.readFileSync(path.join(DIR, "files", name)));
      expect(checked, name).toMatchObject({ kind: "pdf", warnings: [] });
    }
    const text = await extractAttachmentText(fs.readFileSync(path.join(DIR, "files", "nghi-dinh-65-2023-ND-CP.pdf")), "pdf");
    expect(text.status).toBe("text");
    if (text.status === "text") {
      expect(text.text).toContain("Số: 65/2023/NĐ-CP");
      expect(text.text).toContain("BẢN MẪU - KHÔNG PHẢI VĂN BẢN GỐC");
    }
  }, 30_000);
});
