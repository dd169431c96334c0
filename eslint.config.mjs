import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // The data layer is the only way to the database: its functions check the session and the
    // permission beside each query (README, "The data layer"). db/vocabulary.ts is plain constants.
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["lib/dal/**", "db/**", "tests/**", "e2e/**", "bench/**", "drizzle.config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+|\\./)db(/(?!vocabulary$)[^/]+)?$",
              message: "Only lib/dal/ may use the database: call a data-layer function (lib/dal/<area>) instead.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "db/migrations/**", "test-results/**", "playwright-report/**", "data/**", "public/assets/**", "dist/**"]),
]);
