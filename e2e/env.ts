import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
/** A throw-away database for the whole run; the server seeds the three sample posts into it. */
export const E2E_DATA_DIR = path.resolve(".e2e-data");
export const E2E_DATABASE_PATH = path.join(E2E_DATA_DIR, "cms.db");

/** The first admin the server creates on its empty database (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: "quantri@e2e.test", password: "Quản trị viên đầu tiên 2026" };
