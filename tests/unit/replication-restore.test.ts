import { describe, expect, it } from "vitest";
import { BackupError } from "@/lib/backup/errors";
import { litestreamConfig } from "@/lib/replication/litestream-config";
import { parseGenerations, restorePlan } from "@/lib/replication/restore";
import { parseRestoreTime } from "@/lib/replication/restore-time";
import type { ReplicationSettings } from "@/lib/replication/settings";

describe("the moment to restore", () => {
  it("reads Vietnam time as people write it, and ISO 8601 with an offset", () => {
    expect(parseRestoreTime("2026-12-03 10:15")?.toISOString()).toBe("2026-12-03T03:15:00.000Z");
    expect(parseRestoreTime("2026-12-03 10:15:42")?.toISOString()).toBe("2026-12-03T03:15:42.000Z");
    expect(parseRestoreTime("2026-12-03 02:00")?.toISOString()).toBe("2026-12-02T19:00:00.000Z");
    expect(parseRestoreTime("2026-12-03T03:15:00Z")?.toISOString()).toBe("2026-12-03T03:15:00.000Z");
    expect(parseRestoreTime("2026-12-03T10:15+07:00")?.toISOString()).toBe("2026-12-03T03:15:00.000Z");
    expect(parseRestoreTime("2026-12-03T10:15")?.toISOString()).toBe("2026-12-03T03:15:00.000Z"); // no offset: Vietnam time
  });

  it("refuses what it would have to guess", () => {
    for (const text of ["hôm qua", "2026-02-31 10:00", "2026-12-03 24:00", "03/12/2026 10:15", "2026-12-03T10:15:00+7", ""]) expect(parseRestoreTime(text)).toBeNull();
  });
});

describe("the restore plan", () => {
  const table = `name     generation        lag     start                 end
replica  1111111111111111  2h0m0s  2026-12-01T00:00:00Z  2026-12-02T00:00:00Z
replica  2222222222222222  0s      2026-12-02T01:00:00Z  2026-12-03T03:00:00Z
`;
  const generations = parseGenerations(table);

  it("reads Litestream's generations table", () => {
    expect(generations.map((g) => [g.generation, g.start.toISOString(), g.end.toISOString()])).toEqual([
      ["1111111111111111", "2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z"],
      ["2222222222222222", "2026-12-02T01:00:00.000Z", "2026-12-03T03:00:00.000Z"],
    ]);
  });

  it("takes the latest, or the generation covering the moment up to it", () => {
    expect(restorePlan(generations, null).args).toEqual(["-generation", "2222222222222222"]);
    expect(restorePlan(generations, new Date("2026-12-01T12:00:00Z")).args).toEqual(["-generation", "1111111111111111", "-timestamp", "2026-12-01T12:00:00Z"]);
    expect(restorePlan(generations, new Date("2026-12-03T02:00:00.500Z")).args).toEqual(["-generation", "2222222222222222", "-timestamp", "2026-12-03T02:00:00Z"]);
  });

  it("says so when nothing changed after an earlier point, and refuses a moment before the history", () => {
    const gap = restorePlan(generations, new Date("2026-12-02T00:30:00Z"));
    expect(gap.args).toEqual(["-generation", "1111111111111111"]);
    expect(gap.note).toMatch(/không có thay đổi nào từ 2026-12-02T07:00:00\+07:00/);
    expect(restorePlan(generations, new Date("2026-12-05T00:00:00Z")).generation.generation).toBe("2222222222222222");
    expect(() => restorePlan(generations, new Date("2026-11-30T00:00:00Z"))).toThrow(BackupError);
    expect(() => restorePlan([], null)).toThrow(/chưa có dữ liệu/);
  });
});

describe("Litestream's configuration", () => {
  const base = { lagLimitSeconds: 10, retentionHours: 72, binary: "/bin/litestream" };
  it("puts the database under db/ of the replica, for each kind, secrets quoted as JSON", () => {
    const file = JSON.parse(litestreamConfig("/srv/cms/cms.db", { ...base, target: { kind: "file", path: "/mnt/ban-sao" } } as ReplicationSettings));
    expect(file.dbs[0]).toEqual({
      path: "/srv/cms/cms.db",
      replicas: [{ name: "replica", type: "file", path: "/mnt/ban-sao/db", "sync-interval": "1s", "snapshot-interval": "6h", retention: "72h" }],
    });
    const s3 = JSON.parse(
      litestreamConfig("/srv/cms/cms.db", {
        ...base,
        target: { kind: "s3", bucket: "b", prefix: "cuc", endpoint: "http://127.0.0.1:9000", region: "us-east-1", accessKeyId: "a", secretAccessKey: 'b$"c' },
      } as ReplicationSettings),
    );
    expect(s3.dbs[0].replicas[0]).toMatchObject({ type: "s3", bucket: "b", path: "cuc/db", endpoint: "http://127.0.0.1:9000", "force-path-style": true, "secret-access-key": 'b$"c' });
    const sftp = JSON.parse(
      litestreamConfig("/srv/cms/cms.db", { ...base, target: { kind: "sftp", host: "h", port: 2222, user: "u", path: "/srv/ban-sao", keyPath: "/k", password: null } } as ReplicationSettings),
    );
    expect(sftp.dbs[0].replicas[0]).toMatchObject({ type: "sftp", host: "h:2222", user: "u", path: "/srv/ban-sao/db", "key-path": "/k" });
  });
});
