import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/lib/dal/connection";

/** A migrated database in its own temporary folder; `cleanup` closes and removes it. */
export function createTempDatabase(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-test-"));
  const file = path.join(dir, "cms.db");
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
