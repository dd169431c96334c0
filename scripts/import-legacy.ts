/**
 * npm run import:legacy -- [--dry-run] [--json] [--category NAME] FILE...
 * Imports posts exported as text from the agency's old site. Works against the database of a
 * running app (DATABASE_PATH): the app picks the change up from the invalidation queue.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/lib/dal/connection";
import { importLegacyText, type ImportOutcome } from "@/lib/legacy/import";
import { parseLegacyExport, toDryRunRecord } from "@/lib/legacy/parse";
import { slugify, uniqueSlug } from "@/lib/vi/slug";

const USAGE = "Cách dùng: npm run import:legacy -- [--dry-run] [--json] [--category TÊN] TỆP...";

// npm runs scripts from the package root; paths are meant relative to where the user typed them.
const userCwd = process.env.INIT_CWD ?? process.cwd();

function readFiles(files: string[]): Array<{ file: string; text: string } | { file: string; error: string }> {
  return files.map((file) => {
    try {
      return { file, text: fs.readFileSync(path.resolve(userCwd, file), "utf8") };
    } catch (error) {
      return { file, error: `Không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? "lỗi"})` };
    }
  });
}

function dryRun(files: string[], asJson: boolean): number {
  const records: object[] = [];
  const taken = new Set<string>();
  let failed = 0;
  for (const item of readFiles(files)) {
    const parsed = "text" in item ? parseLegacyExport(item.text) : { ok: false as const, reason: item.error };
    if (!parsed.ok) {
      failed++;
      console.error(`${item.file}: không nhập được: ${parsed.reason}`);
      continue;
    }
    const slug = uniqueSlug(slugify(parsed.post.title), (s) => taken.has(s));
    taken.add(slug);
    const record = toDryRunRecord(parsed.post, slug);
    records.push(record);
    if (!asJson) console.log(`${item.file}: ${parsed.post.title} (${record.publishedAt}, ${record.paragraphs.length} đoạn, ${record.captions.length} chú thích ảnh)`);
    for (const warning of parsed.warnings) console.error(`${item.file}: cảnh báo: ${warning}`);
  }
  if (asJson) console.log(JSON.stringify(records, null, 2));
  return failed > 0 ? 1 : 0;
}

function importAll(files: string[], category: string | undefined, asJson: boolean): number {
  const db = getDb();
  const outcomes: ImportOutcome[] = readFiles(files).map((item) =>
    "text" in item
      ? importLegacyText(db, { file: item.file, text: item.text, categoryName: category })
      : { file: item.file, status: "failed", reason: item.error },
  );
  if (asJson) {
    console.log(JSON.stringify(outcomes, null, 2));
  } else {
    for (const o of outcomes) {
      if (o.status === "imported") console.log(`${o.file}: đã nhập "${o.title}" → /tin-tuc/${o.slug}`);
      else if (o.status === "skipped") console.log(`${o.file}: đã có từ trước, bỏ qua "${o.title}"`);
      else console.error(`${o.file}: không nhập được: ${o.reason}`);
    }
    const n = (s: ImportOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
    console.log(`Đã nhập ${n("imported")}, bỏ qua ${n("skipped")}, lỗi ${n("failed")}.`);
  }
  return outcomes.some((o) => o.status === "failed") ? 1 : 0;
}

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        category: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length === 0) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  return values["dry-run"] ? dryRun(positionals, values.json) : importAll(positionals, values.category, values.json);
}

process.exitCode = main();
