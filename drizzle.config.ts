import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: migrations are committed SQL that the app applies itself on start.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
