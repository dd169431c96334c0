/**
 * The production server (npm start, built by `npm run build` into dist/server.js). The primary
 * process checks the settings and writes the pid file before anything else, then runs the app
 * processes (lib/server/primary.ts); each of those is lib/server/worker.ts, loaded only there, so
 * the primary stays small.
 */
import cluster from "node:cluster";
import fs from "node:fs";
import { assertConfig, ConfigError } from "./lib/config/check";
import { databasePath, dataDirectory } from "./lib/config/paths";
import { workerCount } from "./lib/config/processes";
import { removePidFile, writePidFile } from "./lib/server/pid-file";
import { runPrimary } from "./lib/server/primary";
import { logLine } from "./lib/server/request-log";
import { replicationSettings } from "./lib/replication/settings";
import { litestreamMetaDir } from "./lib/replication/wal-position";

async function main() {
  if (!cluster.isPrimary) {
    const { runWorker } = await import("./lib/server/worker");
    return runWorker();
  }
  assertConfig();
  const port = Number(process.env.PORT || 3000);
  // Written before the database opens, so `npm run restore` refuses from the first moment.
  writePidFile(dataDirectory(), port);
  // Replication turned off: Litestream's folder would keep the app's checkpoints off (lib/dal/connection.ts).
  const meta = litestreamMetaDir(databasePath());
  if (!replicationSettings() && fs.existsSync(meta)) {
    fs.rmSync(meta, { recursive: true, force: true });
    logLine({ level: "info", msg: "replication off: removed Litestream's state", folder: meta });
  }
  await runPrimary({ count: workerCount(), port, host: process.env.HOST || "0.0.0.0", onStopped: () => removePidFile(dataDirectory()) });
}

main().catch((error) => {
  // A bad setting is the operator's to fix: its message alone, not a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  if (cluster.isPrimary && !(error instanceof ConfigError)) removePidFile(dataDirectory());
  process.exit(1);
});
