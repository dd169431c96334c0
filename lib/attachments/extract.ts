import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AttachmentKind } from "./kinds";
import { inspectZip } from "./zip";

/*
 * Text of an attachment for the search index. PDF (unpdf, i.e. PDF.js) and DOCX (mammoth) are
 * parsed in a separate Node process: a hostile or huge file can make a parser allocate without
 * end or spin, and a child process can be killed. It gets a capped V8 heap, its resident memory is
 * read from /proc every 50 ms and it is killed past the limit (typed arrays live outside the V8
 * heap, so the heap cap alone is not enough), it is killed at the timeout, it inherits no
 * environment (no secrets near hostile input), and one runs at a time per server process. ODT,
 * ODS and XLSX are a few XML entries, read here through the same size-checked ZIP reader.
 * Call it only on bytes checkAttachment accepted.
 */

export type TextExtraction =
  | { status: "text"; text: string; truncated: boolean }
  /** A PDF whose pages hold (almost) no text: pictures of pages, as a scanner makes. */
  | { status: "scanned"; message: string; pages: number }
  /** DOC, XLS and ZIP: nothing is extracted. */
  | { status: "unsupported" }
  | { status: "failed"; message: string };

export type ExtractionLimits = {
  timeoutMs: number;
  /** Resident memory of the parsing process. */
  maxMemoryBytes: number;
  /** Characters kept for the index; the rest is dropped and `truncated` set. */
  maxChars: number;
  maxPages: number;
};

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  timeoutMs: 30_000,
  maxMemoryBytes: 512 * 1024 * 1024,
  maxChars: 1_000_000,
  maxPages: 2_000,
};

export const SCANNED_MESSAGE = "Bản scan: không tìm được chữ. Nội dung tệp chưa tìm kiếm được (cần nhận dạng chữ OCR).";
// Fewer letters than this per page is a scan with at most a page number or a stamp on it.
const SCANNED_LETTERS_PER_PAGE = 10;

export async function extractAttachmentText(bytes: Uint8Array, kind: AttachmentKind, limits: Partial<ExtractionLimits> = {}): Promise<TextExtraction> {
  const options = { ...DEFAULT_EXTRACTION_LIMITS, ...limits };
  switch (kind) {
    case "pdf":
    case "docx":
      return oneAtATime(() => extractInChild(bytes, kind, options));
    case "odt":
    case "ods":
    case "xlsx":
      return extractFromXml(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), kind, options.maxChars);
    default:
      return { status: "unsupported" };
  }
}

let queue: Promise<unknown> = Promise.resolve();
/** One parsing process at a time: parallel uploads wait instead of starting many parsers. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Whitespace tidied, NFC, cut to the limit. */
function finish(raw: string, maxChars: number, truncated: boolean): { text: string; truncated: boolean } {
  const text = raw
    .normalize("NFC")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const cut = Array.from(text);
  return cut.length > maxChars ? { text: cut.slice(0, maxChars).join(""), truncated: true } : { text, truncated };
}

// The child's program: CommonJS for `node -e`, given absolute module paths so it does not depend
// on how the caller was bundled. It reads the file from stdin and writes one JSON line.
const CHILD_SOURCE = `
const [kind, modulePath, maxPages, maxChars, timeoutMs] = JSON.parse(process.argv[1]);
// Its own deadline too, in case the server that started it was killed before it could.
setTimeout(() => process.exit(2), timeoutMs + 1000).unref();
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", async () => {
  const data = Buffer.concat(chunks);
  try {
    if (kind === "pdf") {
      const { getDocumentProxy } = require(modulePath);
      const pdf = await getDocumentProxy(new Uint8Array(data.buffer, data.byteOffset, data.length), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
      const last = Math.min(pdf.numPages, maxPages);
      let text = "";
      for (let n = 1; n <= last && text.length <= maxChars; n++) {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\\n" : "");
        text += "\\n\\n";
        page.cleanup();
      }
      process.stdout.write(JSON.stringify({ text, pages: pdf.numPages, truncated: last < pdf.numPages }));
    } else {
      const { value } = await require(modulePath).extractRawText({ buffer: data });
      process.stdout.write(JSON.stringify({ text: value, truncated: false }));
    }
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String((error && error.message) || error).slice(0, 300) }));
  }
});
`;

// Resolved from the project root, not from this file: under Next's bundler this module's own location is a build chunk.
const projectRequire = createRequire(path.join(process.cwd(), "package.json"));
const MIB = 1024 * 1024;

type ChildResult = { text?: string; pages?: number; truncated?: boolean; error?: string };

function extractInChild(bytes: Uint8Array, kind: "pdf" | "docx", limits: ExtractionLimits): Promise<TextExtraction> {
  const modulePath = projectRequire.resolve(kind === "pdf" ? "unpdf" : "mammoth");
  const heapMb = Math.max(16, Math.floor(limits.maxMemoryBytes / 2 / MIB));
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, "-e", CHILD_SOURCE, JSON.stringify([kind, modulePath, limits.maxPages, limits.maxChars, limits.timeoutMs])], {
    env: { NODE_ENV: "production" }, // nothing of the server's environment (secrets) reaches the parser
    stdio: ["pipe", "pipe", "ignore"],
  });
  return new Promise((resolve) => {
    let output = "";
    let outcome: TextExtraction | null = null;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      resolve(outcome ?? interpret(output, kind, limits.maxChars));
    };
    const stop = (result: TextExtraction) => {
      outcome ??= result;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop({ status: "failed", message: `Hết thời gian trích xuất chữ (quá ${Math.ceil(limits.timeoutMs / 1000)} giây).` }), limits.timeoutMs);
    const watch = setInterval(() => {
      if (residentBytes(child.pid) > limits.maxMemoryBytes) stop({ status: "failed", message: "Tệp quá phức tạp: trích xuất chữ cần quá nhiều bộ nhớ." });
    }, 50);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      // JSON of maxChars characters, escapes included, fits in 6 × maxChars.
      if (output.length > limits.maxChars * 6 + 65536) stop({ status: "failed", message: "Kết quả trích xuất chữ quá lớn." });
    });
    child.stdin.on("error", () => undefined); // the child may exit before reading everything
    child.stdin.end(bytes);
    // A process that could not start reports `error` and may never report `close`.
    child.on("error", () => {
      outcome ??= { status: "failed", message: "Không khởi động được trình đọc tệp." };
      settle();
    });
    child.on("close", settle);
  });
}

function interpret(output: string, kind: "pdf" | "docx", maxChars: number): TextExtraction {
  let result: ChildResult;
  try {
    result = JSON.parse(output) as ChildResult;
  } catch {
    return { status: "failed", message: "Không trích xuất được chữ: trình đọc tệp dừng bất thường." };
  }
  if (result.error !== undefined || result.text === undefined) {
    return { status: "failed", message: `Không đọc được chữ trong tệp${kind === "pdf" ? " PDF" : " Word"}: tệp bị hỏng hoặc có cấu trúc lạ.` };
  }
  const { text, truncated } = finish(result.text, maxChars, result.truncated ?? false);
  if (kind === "pdf") {
    const pages = result.pages ?? 1;
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < SCANNED_LETTERS_PER_PAGE * pages) return { status: "scanned", message: SCANNED_MESSAGE, pages };
  }
  return { status: "text", text, truncated };
}

/** Resident memory of a process from /proc (Linux); 0 where that cannot be read, leaving the timeout and heap cap. */
function residentBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// ODT, ODS (content.xml) and XLSX (shared strings, inline strings, sheet names): text nodes of XML.

const XML_ENTRY_BYTES = 64 * MIB;

async function extractFromXml(bytes: Buffer, kind: "odt" | "ods" | "xlsx", maxChars: number): Promise<TextExtraction> {
  const wanted = (name: string) =>
    kind === "xlsx" ? name === "xl/sharedStrings.xml" || name === "xl/workbook.xml" || /^xl\/worksheets\/[^/]+\.xml$/.test(name) : name === "content.xml";
  try {
    const zip = await inspectZip(bytes, { keep: (name) => (wanted(name) ? XML_ENTRY_BYTES : 0) });
    const parts = [...zip.contents.entries()].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
    const text = parts.map(([name, xml]) => (kind === "xlsx" ? spreadsheetMlText(name, xml.toString("utf8")) : odfText(xml.toString("utf8")))).join("\n");
    return { status: "text", ...finish(text, maxChars, false) };
  } catch {
    return { status: "failed", message: "Không đọc được chữ trong tệp: tệp bị hỏng hoặc có cấu trúc lạ." };
  }
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (entity, name: string) => {
    if (name[0] !== "#") return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[name]!;
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** ODF text: paragraphs and headings on their own lines, tabs and spaces as spaces, every other tag dropped. */
function odfText(xml: string): string {
  return decodeXmlEntities(
    xml
      .replace(/<text:(tab|s)\b[^>]*\/>/g, " ")
      .replace(/<text:line-break\b[^>]*\/>|<\/text:(p|h)>/g, "\n")
      .replace(/<[^>]*>/g, ""),
  );
}

/** The strings a workbook holds: shared strings, inline strings in sheets, sheet names (numbers and formulas are left out). */
function spreadsheetMlText(name: string, xml: string): string {
  if (name === "xl/workbook.xml") return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXmlEntities(m[1]!)).join("\n");
  const strings = name === "xl/sharedStrings.xml" ? xml.match(/<si\b[\s\S]*?<\/si>/g) : xml.match(/<is\b[\s\S]*?<\/is>/g);
  return (strings ?? [])
    .map((item) =>
      [...item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((m) => decodeXmlEntities(m[1]!)).join(""),
    )
    .join("\n");
}
