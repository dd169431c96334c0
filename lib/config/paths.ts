import path from "node:path";

export type Env = Record<string, string | undefined>;

/** DATABASE_PATH, or data/cms.db under the folder the app was started from. */
export function databasePath(env: Env = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || path.join("data", "cms.db"));
}

/** The folder that holds the database; generated secrets, media and backups live beside it, never in the repository. */
export function dataDirectory(env: Env = process.env): string {
  return path.dirname(databasePath(env));
}
