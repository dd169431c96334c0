import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/dal/connection";
import { mediaFilesAfter } from "@/lib/dal/replication/queries";
import type { ReplicaFiles } from "./replica-files";

const POLL_MS = 2_000;
const RECONCILE_MS = 60 * 60 * 1000;

/**
 * Copies media files to the replica. Renditions are named by their content and never change, so a
 * name already there is done: at start (and hourly) the replica's names are listed once and every
 * file a media row names that is missing is sent; in between, the rows added since (a file is
 * written before its row) are sent within about two seconds. Nothing is deleted from the replica:
 * a point-in-time restore may need a picture removed since.
 */
export class MediaCopier {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private running?: Promise<void>;
  private known = new Set<string>();
  private lastId = 0;
  private lastReconcile = 0;
  private queue: string[] = [];
  copied = 0;
  lastCopiedAt: Date | null = null;
  error: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly files: ReplicaFiles,
    private readonly mediaDir: string,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.step()
        .catch((error: unknown) => {
          this.error = `Chép ảnh sang bản sao thất bại: ${error instanceof Error ? error.message : String(error)}`;
          console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "media replication failed", error: String(error) }));
        })
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, POLL_MS);
        });
    };
    tick();
  }

  get pending(): number {
    return this.queue.length;
  }

  private async step(): Promise<void> {
    if (Date.now() - this.lastReconcile > RECONCILE_MS) {
      this.known = await this.files.list();
      this.lastId = 0;
      this.lastReconcile = Date.now();
    }
    for (;;) {
      const batch = mediaFilesAfter(this.db, this.lastId);
      this.lastId = batch.lastId;
      for (const file of batch.files) if (!this.known.has(file)) this.queue.push(file);
      if (batch.files.length === 0) break;
    }
    while (this.queue.length > 0 && !this.stopped) {
      const file = this.queue[0]!;
      const source = path.join(this.mediaDir, file);
      if (fs.existsSync(source)) {
        await this.files.put(file, source);
        this.copied += 1;
        this.lastCopiedAt = new Date();
      } // else: deleted from the library before it could be copied
      this.known.add(file);
      this.queue.shift();
    }
    this.error = null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.files.close();
  }
}
