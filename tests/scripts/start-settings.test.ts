import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { npmStartNodeArgs } from "../../lib/server/start-command";
import { killHard, makeDataDir, serverEnv, startServer, type AppServer } from "./helpers/app-server";
import { npmRun } from "./helpers/cli";

/* What `npm start` does with its settings: any listening address works end to end; a bad setting stops the start, naming it. */
const PORT = 3231;
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** Runs `npm start`'s command and waits for it to exit (it must, with these settings). */
function startExpectingExit(env: Record<string, string>, dataDir: string): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, npmStartNodeArgs(process.cwd()), { env: { ...serverEnv(dataDir, PORT + 1), ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    }),
  );
}

describe("HOST set to an address other than 127.0.0.1", () => {
  let server: AppServer;
  afterAll(() => server && killHard(server));

  it("becomes healthy, and a change made by another process reaches the public pages", async () => {
    const dataDir = makeDataDir("host");
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    server = await startServer(dataDir, PORT, { HOST: "127.0.0.2", SITE_URL: `http://127.0.0.2:${PORT}` });
    expect(server.baseUrl).toBe(`http://127.0.0.2:${PORT}`);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    const title = `Bài nhập khi máy chủ nghe ở 127.0.0.2 ${Date.now()}`;
    expect(await (await fetch(`${server.baseUrl}/`)).text()).not.toContain(title);

    const sample = fs.readFileSync(path.join("samples", "legacy-export", "002_ac325f9820ae4275.txt"), "utf8").split("\n");
    sample[2] = title;
    const file = path.join(dataDir, "bai-moi.txt");
    fs.writeFileSync(file, sample.join("\n"));
    const imported = await npmRun("import:legacy", [file], dataDir);
    expect(imported.code, imported.stderr).toBe(0);

    const deadline = Date.now() + 10_000;
    let home = "";
    while (Date.now() < deadline && !home.includes(title)) {
      home = await (await fetch(`${server.baseUrl}/`)).text();
      if (!home.includes(title)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(home).toContain(title);
  });
});

describe("a bad setting stops the start at once, naming it", () => {
  const cases: Array<{ name: string; env: (dataDir: string) => Record<string, string>; says: RegExp }> = [
    { name: "an ADMIN_PASSWORD containing the e-mail's name", env: () => ({ ADMIN_EMAIL: "quantri@cuc.vn", ADMIN_PASSWORD: "quantri-cua-cuc-2026" }), says: /ADMIN_PASSWORD: Mật khẩu không được trùng hoặc chứa địa chỉ e-mail/ },
    { name: "a short AUTH_SECRET", env: () => ({ AUTH_SECRET: "ngan-qua" }), says: /AUTH_SECRET: quá ngắn \(8 ký tự\)/ },
    { name: "a PORT that is not a port", env: () => ({ PORT: "cong-3000" }), says: /PORT: phải là số cổng từ 1 đến 65535/ },
    { name: "a SITE_URL without http(s)", env: () => ({ SITE_URL: "sohuutritue.gov.vn" }), says: /SITE_URL: phải là địa chỉ đầy đủ/ },
    {
      name: "a DATABASE_PATH that cannot be written",
      env: (dataDir) => {
        const file = path.join(dataDir, "la-tep");
        fs.writeFileSync(file, "");
        return { DATABASE_PATH: path.join(file, "cms.db") };
      },
      says: /DATABASE_PATH: không ghi được vào .*la-tep\/cms\.db \((?:ENOTDIR|EEXIST)\)/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const dataDir = makeDataDir("bad-setting");
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      const { code, output, ms } = await startExpectingExit(c.env(dataDir), dataDir);
      expect(code).toBe(1);
      expect(output).toMatch(/Cấu hình không hợp lệ, máy chủ không khởi động/);
      expect(output).toMatch(c.says);
      expect(output).not.toMatch(/\bat .*\.js:\d+/); // the message, not a stack trace
      expect(ms).toBeLessThan(15_000);
      expect(fs.existsSync(path.join(dataDir, "cms.db"))).toBe(false);
    });
  }
});
