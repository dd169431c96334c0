// No "server-only" here: server.ts, which runs outside Next's server layer, reads the key too
// (lib/server/session-probe.ts). Everything inside Next imports it through ./secret.ts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "@/lib/config/paths";
import { AUTH_SECRET_MIN_LENGTH as MIN_LENGTH } from "./secret-rules";

/**
 * The key that signs session cookies: AUTH_SECRET when set (refused if weak), otherwise one
 * generated on the first start and kept in the data folder (never in the repository).
 */
export function authSecret(): string {
  const configured = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (configured) {
    if (configured.length < MIN_LENGTH) {
      throw new Error(`AUTH_SECRET is too short (${configured.length} characters); use at least ${MIN_LENGTH} random characters, e.g. \`openssl rand -base64 32\`.`);
    }
    return configured;
  }
  const file = path.join(dataDirectory(), "auth-secret");
  try {
    const stored = fs.readFileSync(file, "utf8").trim();
    if (stored.length >= MIN_LENGTH) return stored;
  } catch {
    // first start: generate below
  }
  const generated = randomBytes(48).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}
