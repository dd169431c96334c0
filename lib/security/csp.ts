import { createHash } from "node:crypto";
import { PREPAINT_SCRIPT } from "../reader/preferences"; // relative: next.config.ts imports this file

// The one inline script we write ourselves, allowed by its hash wherever a nonce cannot be used.
const PREPAINT_HASH = `'sha256-${createHash("sha256").update(PREPAINT_SCRIPT).digest("base64")}'`;

const COMMON = [
  "default-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // React and Next set style attributes; styles cannot run code, so this is the usual exception.
  "style-src 'self' 'unsafe-inline'",
];

/**
 * Staff pages are rendered per request, so scripts are allowed by a fresh nonce ('strict-dynamic'
 * lets Next's chunks load), and the admin may never be framed.
 */
export function adminCsp(nonce: string): string {
  return [...COMMON, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${PREPAINT_HASH}`, "frame-ancestors 'none'"].join("; ");
}

/**
 * Public pages are static and cached, so they cannot carry a per-request nonce, and Next inlines
 * its flight data in <script> tags whose content changes with every page: 'unsafe-inline' is the
 * price of caching (see README). Everything else is as tight as on staff pages.
 */
export function publicCsp(): string {
  return [...COMMON, "script-src 'self' 'unsafe-inline'", "frame-ancestors 'self'"].join("; ");
}
