import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/lib/dal/connection";

// Migrated once per test process, then copied for each test: running every migration (a dozen, one
// rebuilding the posts table) for each test took most of a unit run, seconds per test on a busy machine.
let template: string | undefined;

function migratedTemplate(): string {
  if (template) return template;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-test-template-"));
  const file = path.join(dir, "cms.db");
  // Closing the only connection checkpoints the write-ahead log into the file, so the file alone is the database.
  openDb(file).$client.close();
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return (template = file);
}

/** A migrated database of the test's own in a temporary folder, and how to remove it. */
export function createTempDatabase(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-test-"));
  const file = path.join(dir, "cms.db");
  fs.copyFileSync(migratedTemplate(), file);
  const db = openDb(file);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
