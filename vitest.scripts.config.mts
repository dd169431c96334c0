import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Script tests start the production server (they need `next build` first), so they run apart from
// the unit tests: in scripts/run-tests.sh after the build, one file at a time.
export default defineConfig({
  // For the few pure helpers a test shares with the app (the search folding its triggers call).
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/scripts/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
