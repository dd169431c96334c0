/**
 * npm run import:legacy -- [--dry-run] [--json] [--category NAME] [--language en [--translation-of SLUG]] FILE_OR_FOLDER...
 * Imports posts exported as text from the agency's old site: files as given, folders walked
 * recursively for their .txt files. One file at a time (an archive of tens of thousands never sits
 * in memory), progress on stderr for long runs, a summary at the end, and never an exit without
 * saying why. Works against the database of a running app (DATABASE_PATH): the app picks the
 * change up from the invalidation queue.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/lib/dal/connection";
import { findingLine, findingsSummary, importFindings, type ImportFinding } from "@/lib/legacy/accessibility";
import { importLegacyText, type ImportOutcome } from "@/lib/legacy/import";
import { parseLegacyExport, toDryRunRecord } from "@/lib/legacy/parse";
import { legacyBlocksToDocument } from "@/lib/legacy/to-document";
import { slugify, uniqueSlug } from "@/lib/vi/slug";
import { KINDS } from "@/lib/content/kinds";
import type { Language } from "@/db/vocabulary";

const USAGE = "Cách dùng: npm run import:legacy -- [--dry-run] [--json] [--category TÊN] [--language vi|en] [--translation-of ĐƯỜNG_DẪN_BÀI_GỐC] TỆP_HOẶC_THƯ_MỤC...";
const PROGRESS_EVERY_MS = 2_000;

// npm runs scripts from the package root; paths are meant relative to where the user typed them.
const userCwd = process.env.INIT_CWD ?? process.cwd();

type Source = { file: string; error?: string };

/** The files to read, in a stable order: each argument as given, or a folder's .txt files, recursively. */
function* sourcesOf(args: string[]): Generator<Source> {
  for (const arg of args) {
    const full = path.resolve(userCwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      yield { file: arg, error: `Không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? "lỗi"})` };
      continue;
    }
    if (!stat.isDirectory()) {
      yield { file: arg };
      continue;
    }
    const entries = fs.readdirSync(full, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".txt"));
    // Named as the argument was given: absolute stays absolute, relative stays relative to where the user typed it.
    const shown = (file: string) => (path.isAbsolute(arg) ? file : path.relative(userCwd, file));
    const files = entries.map((e) => shown(path.join(e.parentPath, e.name))).sort();
    if (files.length === 0) yield { file: arg, error: "Thư mục không có tệp .txt nào" };
    for (const file of files) yield { file };
  }
}

function readText(source: Source): { text: string } | { error: string } {
  if (source.error) return { error: source.error };
  try {
    return { text: fs.readFileSync(path.resolve(userCwd, source.file), "utf8") };
  } catch (error) {
    return { error: `Không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? "lỗi"})` };
  }
}

/** Reports how far a long run has got, at most every two seconds, on stderr (stdout may be JSON). */
function progress(total: number) {
  let last = Date.now();
  return (done: number, counts: string) => {
    if (Date.now() - last < PROGRESS_EVERY_MS) return;
    last = Date.now();
    console.error(`Đã xử lý ${done.toLocaleString("vi-VN")}/${total.toLocaleString("vi-VN")} tệp (${counts})…`);
  };
}

/** Reports a file's accessibility findings on stderr (stdout may be JSON) and counts them for the summary. */
function accessibilityReport() {
  const found: ImportFinding[] = [];
  let files = 0;
  return {
    add(file: string, findings: ImportFinding[]) {
      if (findings.length === 0) return;
      files++;
      found.push(...findings);
      for (const finding of findings) console.error(findingLine(file, finding));
    },
    summary() {
      const line = findingsSummary(files, found);
      if (line) console.error(line);
    },
  };
}

type Options = { category?: string; language: Language; translationOf?: string };

function dryRun(sources: Source[], asJson: boolean, language: Language): number {
  const records: object[] = [];
  const taken = new Set<string>();
  const accessibility = accessibilityReport();
  let failed = 0;
  const report = progress(sources.length);
  sources.forEach((source, i) => {
    const read = readText(source);
    const parsed = "text" in read ? parseLegacyExport(read.text, language) : { ok: false as const, reason: read.error };
    if (!parsed.ok) {
      failed++;
      console.error(`${source.file}: không nhập được: ${parsed.reason}`);
    } else {
      const slug = uniqueSlug(slugify(parsed.post.title), (s) => taken.has(s));
      taken.add(slug);
      const findings = importFindings(legacyBlocksToDocument(parsed.post.blocks));
      const record = { ...toDryRunRecord(parsed.post, slug), accessibility: findings };
      records.push(record);
      if (!asJson) console.log(`${source.file}: ${parsed.post.title} (${record.publishedAt}, ${record.paragraphs.length} đoạn, ${record.captions.length} chú thích ảnh)`);
      for (const warning of parsed.warnings) console.error(`${source.file}: cảnh báo: ${warning}`);
      accessibility.add(source.file, findings);
    }
    report(i + 1, `đọc được ${records.length}, lỗi ${failed}`);
  });
  if (asJson) console.log(JSON.stringify(records, null, 2));
  else console.log(`Đọc được ${records.length}, lỗi ${failed} (chưa ghi gì: --dry-run).`);
  accessibility.summary();
  return failed > 0 ? 1 : 0;
}

function importAll(sources: Source[], options: Options, asJson: boolean): number {
  const db = getDb();
  const outcomes: ImportOutcome[] = [];
  const counts = { imported: 0, skipped: 0, failed: 0 };
  const accessibility = accessibilityReport();
  const report = progress(sources.length);
  sources.forEach((source, i) => {
    const read = readText(source);
    const outcome: ImportOutcome = "text" in read ? importLegacyText(db, { file: source.file, text: read.text, categoryName: options.category, language: options.language, translationOf: options.translationOf }) : { file: source.file, status: "failed", reason: read.error };
    counts[outcome.status]++;
    if (asJson) outcomes.push(outcome);
    else if (outcome.status === "imported") console.log(`${outcome.file}: đã nhập "${outcome.title}" → ${KINDS.post.href(outcome.slug, options.language)}`);
    else if (outcome.status === "skipped") console.log(`${outcome.file}: đã có từ trước, bỏ qua "${outcome.title}"`);
    else console.error(`${outcome.file}: không nhập được: ${outcome.reason}`);
    if (outcome.status === "imported") accessibility.add(outcome.file, outcome.accessibility);
    report(i + 1, `nhập ${counts.imported}, bỏ qua ${counts.skipped}, lỗi ${counts.failed}`);
  });
  if (asJson) console.log(JSON.stringify(outcomes, null, 2));
  else console.log(`Đã nhập ${counts.imported}, bỏ qua ${counts.skipped}, lỗi ${counts.failed}.`);
  accessibility.summary();
  return counts.failed > 0 ? 1 : 0;
}

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        category: { type: "string" },
        language: { type: "string", default: "vi" },
        "translation-of": { type: "string" },
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
  const language = values.language === "en" || values.language === "vi" ? values.language : null;
  if (!language) {
    console.error(`--language: chỉ nhận vi hoặc en.\n${USAGE}`);
    return 2;
  }
  const translationOf = values["translation-of"];
  if (translationOf !== undefined && (language !== "en" || positionals.length !== 1)) {
    // One original per run: several files naming the same original would all claim its one English version.
    console.error(`--translation-of cần --language en và đúng một tệp.\n${USAGE}`);
    return 2;
  }
  const sources = [...sourcesOf(positionals)];
  return values["dry-run"] ? dryRun(sources, values.json, language) : importAll(sources, { category: values.category, language, translationOf }, values.json);
}

try {
  process.exitCode = main();
} catch (error) {
  // Whatever stops a run (a full disk, a locked database) is said, not swallowed.
  console.error(`Dừng nhập vì lỗi: ${(error as Error).message ?? error}`);
  process.exitCode = 1;
}
