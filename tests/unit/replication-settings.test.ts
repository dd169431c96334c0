import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configProblems } from "@/lib/config/check";
import { describeTarget, readReplicationSettings } from "@/lib/replication/settings";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-replica-settings-"));
const base = { DATABASE_PATH: path.join(dir, "data", "cms.db") };
const replica = path.join(dir, "replica");
const variables = (env: Record<string, string>) => configProblems({ ...base, ...env }).map((p) => p.variable);

describe("replication settings", () => {
  it("is off without REPLICA_URL, and a folder is the plain case", () => {
    expect(readReplicationSettings(base)).toEqual({ settings: null, problems: [] });
    const { settings, problems } = readReplicationSettings({ ...base, REPLICA_URL: replica });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ target: { kind: "file", path: replica }, lagLimitSeconds: 10, retentionHours: 72 });
    expect(readReplicationSettings({ ...base, REPLICA_URL: `file://${replica}` }).settings?.target).toEqual({ kind: "file", path: replica });
    expect(variables({ REPLICA_URL: replica, REPLICA_LAG_LIMIT: "5", REPLICA_RETENTION_HOURS: "168", WORKERS: "4" })).toEqual([]);
  });

  it("reads SFTP and S3 targets and never shows their secrets", () => {
    const key = path.join(dir, "id_ed25519");
    fs.writeFileSync(key, "khoá");
    const sftp = readReplicationSettings({ ...base, REPLICA_URL: "sftp://saoluu@may-du-phong:2222/srv/cms", REPLICA_SFTP_KEY: key }).settings!;
    expect(sftp.target).toEqual({ kind: "sftp", host: "may-du-phong", port: 2222, user: "saoluu", path: "/srv/cms", keyPath: key, password: null });
    expect(describeTarget(sftp.target)).toBe("sftp://saoluu@may-du-phong:2222/srv/cms");
    const s3 = readReplicationSettings({
      ...base,
      REPLICA_URL: "s3://cms-ban-sao/cuc-shtt",
      REPLICA_S3_ENDPOINT: "https://s3.example.vn/",
      REPLICA_S3_ACCESS_KEY_ID: "AKIA",
      REPLICA_S3_SECRET_ACCESS_KEY: "bi-mat",
    }).settings!;
    expect(s3.target).toEqual({ kind: "s3", bucket: "cms-ban-sao", prefix: "cuc-shtt", endpoint: "https://s3.example.vn", region: "us-east-1", accessKeyId: "AKIA", secretAccessKey: "bi-mat" });
    expect(describeTarget(s3.target)).not.toContain("bi-mat");
  });

  it("stops the start naming each bad replication setting", () => {
    expect(variables({ REPLICA_URL: "relative/folder" })).toEqual(["REPLICA_URL"]);
    expect(variables({ REPLICA_URL: path.join(dir, "data", "replica") })).toEqual(["REPLICA_URL"]); // inside the data folder
    expect(variables({ REPLICA_URL: "ftp://may/thu-muc" })).toEqual(["REPLICA_URL"]);
    expect(variables({ REPLICA_URL: "sftp://may-du-phong/srv/cms", REPLICA_SFTP_PASSWORD: "x" })).toEqual(["REPLICA_URL"]); // no user
    expect(variables({ REPLICA_URL: "sftp://saoluu@may-du-phong/srv/cms" })).toEqual(["REPLICA_SFTP_KEY"]);
    expect(variables({ REPLICA_URL: "sftp://saoluu@may-du-phong/srv/cms", REPLICA_SFTP_KEY: path.join(dir, "khong-co") })).toEqual(["REPLICA_SFTP_KEY"]);
    expect(variables({ REPLICA_URL: "s3://bucket/x" })).toEqual(["REPLICA_S3_ACCESS_KEY_ID", "REPLICA_S3_SECRET_ACCESS_KEY"]);
    expect(variables({ REPLICA_URL: "s3://bucket/x", REPLICA_S3_ENDPOINT: "ftp://x", REPLICA_S3_ACCESS_KEY_ID: "a", REPLICA_S3_SECRET_ACCESS_KEY: "b" })).toEqual(["REPLICA_S3_ENDPOINT"]);
    expect(variables({ REPLICA_URL: replica, LITESTREAM_BIN: path.join(dir, "khong-co") })).toEqual(["LITESTREAM_BIN"]);
    expect(variables({ REPLICA_LAG_LIMIT: "0", REPLICA_RETENTION_HOURS: "mot" })).toEqual(["REPLICA_LAG_LIMIT", "REPLICA_RETENTION_HOURS"]);
    expect(variables({ WORKERS: "0" })).toEqual(["WORKERS"]);
    expect(variables({ WORKERS: "nhiều" })).toEqual(["WORKERS"]);
  });
});
