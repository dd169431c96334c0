/**
 * npm run import:documents -- FILE.csv [--files DIR] [--dry-run] [--json]
 * Imports an agency's existing list of legal documents into the registry: one row per document
 * (columns in the README and samples/documents/README.md), files matched by name in DIR and
 * checked like uploads. The legacy importer's rules: a bad row is named by its line with the
 * reason and left out, the others are imported, a second run duplicates nothing. Works against the
 * database of a running app (DATABASE_PATH), which picks the change up from the invalidation queue.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/lib/dal/connection";
import { importDocumentCsv, type ImportReport } from "@/lib/documents/import";
import { csvIssueText } from "@/lib/documents/csv";

const USAGE = "Cách dùng: npm run import:documents -- TỆP.csv [--files THƯ_MỤC] [--dry-run] [--json]";

// npm runs scripts from the package root; paths are meant relative to where the user typed them.
const userCwd = process.env.INIT_CWD ?? process.cwd();

function print(report: Extract<ImportReport, { ok: true }>, dryRun: boolean): void {
  for (const warning of report.warnings) console.error(`${csvIssueText(warning)} (cảnh báo)`);
  for (const row of report.rows) {
    if (row.status === "failed") {
      console.error(`Dòng ${row.line}: không nhập được${row.number ? ` ${row.number}` : ""}: ${row.reason}`);
      continue;
    }
    const what = { imported: "đã nhập", skipped: "đã có từ trước, bỏ qua", "would-import": "sẽ nhập", "would-skip": "đã có, sẽ bỏ qua" }[row.status];
    console.log(`Dòng ${row.line}: ${what} ${row.number}${"href" in row ? ` → ${row.href}` : ""}`);
    for (const warning of row.warnings) console.error(`Dòng ${row.line}: cảnh báo: ${warning}`);
  }
  const { imported, skipped, failed } = report.counts;
  console.log(dryRun ? `Sẽ nhập ${imported}, bỏ qua ${skipped}, lỗi ${failed} (chưa ghi gì: --dry-run).` : `Đã nhập ${imported}, bỏ qua ${skipped}, lỗi ${failed}.`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        files: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length !== 1) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  const file = path.resolve(userCwd, positionals[0]!);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    console.error(`${positionals[0]}: không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? "lỗi"})`);
    return 2;
  }
  const filesDir = values.files ? path.resolve(userCwd, values.files) : null;
  if (filesDir && !fs.statSync(filesDir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`${values.files}: không phải thư mục`);
    return 2;
  }
  const dryRun = values["dry-run"];
  const report = await importDocumentCsv(getDb(), bytes, { filesDir, dryRun });
  if (!report.ok) {
    console.error(`${positionals[0]}: ${report.error}`);
    return 2;
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else print(report, dryRun);
  return report.counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Whatever stops a run (a full disk, a locked database) is said, not swallowed.
    console.error(`Dừng nhập vì lỗi: ${(error as Error).message ?? error}`);
    process.exitCode = 1;
  },
);
