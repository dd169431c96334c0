import "server-only";
import { databasePath } from "@/lib/config/paths";
import type { Db } from "@/lib/dal/connection";
import { mediaDirectory } from "@/lib/media/store";
import { writeLitestreamConfig } from "./litestream-config";
import { awaitPreviousLitestream, startLitestream, type LitestreamRecord } from "./litestream-process";
import { MediaCopier } from "./media-copier";
import { openReplicaFiles } from "./replica-files";
import { describeTarget, type ReplicationSettings } from "./settings";
import type { ReplicationStatus } from "./status";
import { formatPosition, LagTracker, primaryPosition, scanWal, type WalScan } from "./wal-position";

const SAMPLE_MS = 1_000;
const RESTART_DELAY_MS = 2_000;

const log = (level: "info" | "warn" | "error", msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra }));

/**
 * Continuous replication, run by the process holding the background lease: Litestream for the
 * database, the media copier for the pictures, and the lag measured between the database's last
 * committed write and what Litestream reports as on the replica. A lag over REPLICA_LAG_LIMIT is
 * logged once when it starts and once when it ends, and published for /admin and /api/health.
 */
export class ReplicationService {
  private litestream: ReturnType<typeof startLitestream> | null = null;
  private record: LitestreamRecord | null = null;
  private copier: MediaCopier | null = null;
  private sampler?: NodeJS.Timeout;
  private restartTimer?: NodeJS.Timeout;
  private stopping = false;
  private tracker = new LagTracker();
  private scan: WalScan | null = null;
  private lastShippedAt: Date | null = null;
  private error: { message: string; at: Date } | null = null;
  private lagging = false;
  private readonly databaseFile = databasePath();

  constructor(
    private readonly db: Db,
    private readonly settings: ReplicationSettings,
  ) {}

  async start(previous: LitestreamRecord | null): Promise<void> {
    this.stopping = false;
    await awaitPreviousLitestream(previous);
    const configFile = writeLitestreamConfig(this.databaseFile, this.settings);
    this.launch(configFile);
    this.sampler = setInterval(() => this.sample(), SAMPLE_MS);
    this.sampler.unref();
    try {
      this.copier = new MediaCopier(this.db, await openReplicaFiles(this.settings.target), mediaDirectory());
      this.copier.start();
    } catch (error) {
      this.error = { message: `Không kết nối được nơi lưu bản sao để chép ảnh: ${error instanceof Error ? error.message : String(error)}`, at: new Date() };
      log("error", "media replication could not start", { error: String(error) });
    }
  }

  private launch(configFile: string): void {
    log("info", "replication started", { target: describeTarget(this.settings.target) });
    this.litestream = startLitestream(this.settings.binary, configFile, {
      onShipped: (position, at) => {
        this.tracker.shipped(position);
        this.lastShippedAt = at;
        this.error = null;
      },
      onError: (message, at) => (this.error = { message, at }),
      onExit: (code, signal) => {
        this.litestream = null;
        if (this.stopping) return;
        this.error = { message: `Litestream đã dừng (mã ${code ?? signal}); đang khởi động lại.`, at: new Date() };
        log("error", "litestream exited", { code, signal });
        this.restartTimer = setTimeout(() => !this.stopping && this.launch(configFile), RESTART_DELAY_MS);
      },
    });
    this.record = this.litestream.record;
  }

  private sample(): void {
    try {
      this.scan = scanWal(`${this.databaseFile}-wal`, this.scan);
      const position = this.scan && primaryPosition(this.databaseFile, this.scan);
      if (position) this.tracker.observe(position, Date.now());
    } catch (error) {
      log("error", "replication lag sample failed", { error: String(error) });
    }
    const since = this.tracker.pendingSince();
    const lagSeconds = since === null ? 0 : (Date.now() - since) / 1000;
    if (!this.lagging && lagSeconds > this.settings.lagLimitSeconds) {
      this.lagging = true;
      log("warn", "replication lagging", { lagSeconds: Math.round(lagSeconds), limitSeconds: this.settings.lagLimitSeconds, target: describeTarget(this.settings.target) });
    } else if (this.lagging && lagSeconds <= this.settings.lagLimitSeconds) {
      this.lagging = false;
      log("info", "replication caught up", { target: describeTarget(this.settings.target) });
    }
  }

  /** Published with each renewal of the lease: the status, and the Litestream a successor must wait for. */
  detail(): { replication: ReplicationStatus; litestream: LitestreamRecord | null } {
    const shipped = this.tracker.lastShipped();
    const since = this.tracker.pendingSince();
    return {
      litestream: this.litestream ? this.record : null,
      replication: {
        target: describeTarget(this.settings.target),
        running: this.litestream !== null,
        lastShipped: shipped && this.lastShippedAt ? { position: formatPosition(shipped), at: this.lastShippedAt.toISOString() } : null,
        pendingSince: since === null ? null : new Date(since).toISOString(),
        lagLimitSeconds: this.settings.lagLimitSeconds,
        error: this.error && { message: this.error.message, at: this.error.at.toISOString() },
        media: {
          pending: this.copier?.pending ?? 0,
          copied: this.copier?.copied ?? 0,
          lastCopiedAt: this.copier?.lastCopiedAt?.toISOString() ?? null,
          error: this.copier?.error ?? null,
        },
        updatedAt: new Date().toISOString(),
      },
    };
  }

  /** Stops the media copier and the lag sampler (they read the database); Litestream goes on. */
  async stopCopying(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sampler);
    clearTimeout(this.restartTimer);
    await this.copier?.stop();
    this.copier = null;
  }

  /** Stops everything; Litestream ships what it has not yet shipped, then exits. */
  async stop(): Promise<void> {
    await this.stopCopying();
    await this.litestream?.stop();
    this.litestream = null;
  }
}
