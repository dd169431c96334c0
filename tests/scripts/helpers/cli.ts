import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { serverEnv } from "./app-server";

const run = promisify(execFile);

/** `npm run -s SCRIPT -- ARGS` against a data folder; never throws, so refusals can be checked. */
export async function npmRun(script: string, args: string[], dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", script, "--", ...args], { env: { ...serverEnv(dataDir), ...extraEnv }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** A staff account made by the app's own CLI; returns its password. */
export async function createUser(dataDir: string, email: string, role: "admin" | "editor" | "author", temporary = false): Promise<string> {
  const password = `Mật khẩu ${role} kiểm thử vận hành`;
  const args = ["--email", email, "--name", `Cán bộ ${role}`, "--role", role, "--password", password, ...(temporary ? ["--temporary"] : [])];
  const result = await npmRun("user:create", args, dataDir);
  if (result.code !== 0) throw new Error(`user:create failed: ${result.stderr}`);
  return password;
}
