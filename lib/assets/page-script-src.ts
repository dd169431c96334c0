import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where `npm run build:script` writes the page script (components/site/page-script.ts), served as /assets/page.js. */
export const PAGE_SCRIPT_FILE = path.join("public", "assets", "page.js");

let src: string | undefined;

/**
 * The page script's address with a version from its content: next.config.ts lets browsers and
 * nginx keep /assets/ files for a year, and a new build changes the address.
 */
export function pageScriptSrc(): string {
  if (src !== undefined) return src;
  const content = fs.readFileSync(path.join(process.cwd(), PAGE_SCRIPT_FILE));
  const version = createHash("sha256").update(content).digest("base64url").slice(0, 12);
  src = `/assets/page.js?v=${version}`;
  return src;
}
