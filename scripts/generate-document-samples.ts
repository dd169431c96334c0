/**
 * npm run samples:documents
 * Regenerates samples/documents/files/*.pdf from samples/documents/van-ban.csv (deterministic: an
 * unchanged CSV rewrites identical bytes). Run it after editing the CSV and commit the files.
 */
import fs from "node:fs";
import path from "node:path";
import { csvIssueText, parseDocumentCsv } from "@/lib/documents/csv";
import { renderSamplePdfs } from "./document-samples";

const DIR = path.join(process.cwd(), "samples/documents");

async function main(): Promise<number> {
  const parsed = parseDocumentCsv(fs.readFileSync(path.join(DIR, "van-ban.csv")));
  if (!parsed.ok) {
    console.error(`van-ban.csv: ${parsed.error}`);
    return 1;
  }
  for (const issue of parsed.errors) console.error(`van-ban.csv: ${csvIssueText(issue)}`);
  if (parsed.errors.length > 0) return 1;
  const out = path.join(DIR, "files");
  fs.mkdirSync(out, { recursive: true });
  for (const [name, bytes] of await renderSamplePdfs(parsed.rows)) {
    fs.writeFileSync(path.join(out, name), bytes);
    console.log(`${name} (${bytes.length} byte)`);
  }
  return 0;
}

main().then((code) => process.exit(code));
