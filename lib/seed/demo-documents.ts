import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/dal/connection";
import { importDocumentCsv } from "@/lib/documents/import";

const SAMPLES = path.join(/*turbopackIgnore: true*/ process.cwd(), "samples", "documents");

/**
 * The registry's demo content: the shipped sample CSV and its PDFs, imported as an agency would
 * import its own list. Called on the first start only, with the other demo content; a sample that
 * fails to import stops the start, since the repository ships it and it must work.
 */
export async function seedDemoDocuments(db: Db): Promise<number> {
  const csv = fs.readFileSync(/*turbopackIgnore: true*/ path.join(SAMPLES, "van-ban.csv"));
  const report = await importDocumentCsv(db, csv, { filesDir: path.join(/*turbopackIgnore: true*/ SAMPLES, "files"), dryRun: false });
  if (!report.ok) throw new Error(`Demo documents failed to import: ${report.error}`);
  const failed = report.rows.filter((row) => row.status === "failed");
  if (failed.length > 0) throw new Error(`Demo documents failed to import: ${failed.map((row) => ("reason" in row ? `line ${row.line}: ${row.reason}` : "")).join("; ")}`);
  return report.counts.imported;
}
