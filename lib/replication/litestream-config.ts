import fs from "node:fs";
import path from "node:path";
import type { ReplicaTarget, ReplicationSettings } from "./settings";

/** The database's part of the replica: Litestream's generations, snapshots and WAL segments. */
export const REPLICA_DB_FOLDER = "db";
/** The media files' part: `<hash>/<width>.<ext>`, as in the data folder. */
export const REPLICA_MEDIA_FOLDER = "media";
/** A full snapshot every 6 hours bounds how many WAL segments a restore replays. */
export const SNAPSHOT_INTERVAL = "6h";

function replicaConfig(target: ReplicaTarget): Record<string, unknown> {
  if (target.kind === "file") return { type: "file", path: path.join(target.path, REPLICA_DB_FOLDER) };
  if (target.kind === "sftp") {
    return {
      type: "sftp",
      host: `${target.host}:${target.port}`,
      user: target.user,
      path: path.posix.join(target.path, REPLICA_DB_FOLDER),
      ...(target.keyPath ? { "key-path": target.keyPath } : {}),
      ...(target.password ? { password: target.password } : {}),
    };
  }
  return {
    type: "s3",
    bucket: target.bucket,
    path: path.posix.join(target.prefix, REPLICA_DB_FOLDER),
    region: target.region,
    "access-key-id": target.accessKeyId,
    "secret-access-key": target.secretAccessKey,
    ...(target.endpoint ? { endpoint: target.endpoint, "force-path-style": true } : {}),
  };
}

/**
 * Litestream's configuration for the database, as JSON (which its YAML reader accepts, and which
 * quotes any password safely). Written to a file only its owner can read and given with
 * `-no-expand-env`, so a `$` in a secret stays a `$`.
 */
export function litestreamConfig(databaseFile: string, settings: ReplicationSettings): string {
  const config = {
    logging: { type: "json", level: "info" },
    dbs: [
      {
        path: databaseFile,
        replicas: [
          {
            name: "replica",
            ...replicaConfig(settings.target),
            "sync-interval": "1s",
            "snapshot-interval": SNAPSHOT_INTERVAL,
            retention: `${settings.retentionHours}h`,
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The file Litestream's configuration is written to (secrets included: readable by the owner only). */
export function litestreamConfigFile(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), ".litestream.json");
}

export function writeLitestreamConfig(databaseFile: string, settings: ReplicationSettings, file = litestreamConfigFile(databaseFile)): string {
  fs.writeFileSync(file, litestreamConfig(databaseFile, settings), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}
