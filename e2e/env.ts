import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
/** A throw-away database for the whole run; the server seeds the three sample posts into it. */
export const E2E_DATA_DIR = path.resolve(".e2e-data");
export const E2E_DATABASE_PATH = path.join(E2E_DATA_DIR, "cms.db");
