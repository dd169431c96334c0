import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN, E2E_DATA_DIR, E2E_DATABASE_PATH, E2E_PORT as PORT } from "./e2e/env";

const chromium = {
  ...devices["Desktop Chrome"],
  // Playwright cannot download its browsers here; Debian's chromium is driven instead.
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // On CI, a test that fails is run once more. A pass on the retry is reported as flaky and listed by
  // name after the run (scripts/run-tests.sh), so it is seen and mended, not hidden; a test that fails
  // twice fails the run. Locally every failure shows at once.
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  },
  projects: [
    { name: "chromium", use: chromium, testIgnore: /exclusive\// },
    // Tests that act on the whole site (emptying the trash) run alone, after everything else.
    { name: "chromium-exclusive", use: chromium, testMatch: /exclusive\/.*\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: {
    // Production build, fresh database: the same path a newcomer's `npm start` takes.
    command: `rm -rf "${E2E_DATA_DIR}" && npm run start`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server logs one JSON line per request on stdout, which would bury the report; errors come on stderr.
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_PATH: E2E_DATABASE_PATH,
      SITE_URL: `http://127.0.0.1:${PORT}`,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      // Lets each test context present its own client address (e2e/fixtures/ip.ts).
      TRUST_PROXY: "loopback",
    },
  },
});
