import Database from "better-sqlite3";

/** Opens a database read-only (after the server is gone) and runs `read` on it. */
export function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function integrity(db: Database.Database): unknown {
  return db.pragma("integrity_check", { simple: true });
}

/** Which of `ids` are missing from the posts table. */
export function missingPosts(db: Database.Database, ids: number[]): number[] {
  const present = new Set((db.prepare("SELECT id FROM posts").all() as Array<{ id: number }>).map((r) => r.id));
  return ids.filter((id) => !present.has(id));
}

export function firstCategoryId(db: Database.Database): number {
  return (db.prepare("SELECT id FROM categories ORDER BY id LIMIT 1").get() as { id: number }).id;
}
