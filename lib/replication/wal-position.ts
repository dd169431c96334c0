import fs from "node:fs";
import path from "node:path";

/*
 * Where the database's committed writes are, in Litestream's terms, so that the replica's lag can
 * be measured as "the oldest committed write not yet on the replica". A position is a generation,
 * a WAL index (Litestream starts a new index each time the WAL restarts) and a byte offset in that
 * WAL. Litestream's shadow WAL files (`.<db>-litestream/generations/<g>/wal/<index>.wal`) are byte
 * copies of the WAL, header included, so offsets in the real WAL and on the replica agree.
 */

export type Position = { generation: string; index: number; offset: number };

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export type WalScan = { salt: string; pageSize: number; committedEnd: number };

/**
 * The WAL's salt (which changes at every restart) and the end of its last committed frame. Frame
 * headers only are read, from `previous.committedEnd` when the WAL has not restarted since.
 */
export function scanWal(walFile: string, previous: WalScan | null = null): WalScan | null {
  let fd: number;
  try {
    fd = fs.openSync(walFile, "r");
  } catch {
    return null; // no WAL yet (or it was just checkpointed away)
  }
  try {
    const header = Buffer.alloc(WAL_HEADER);
    if (fs.readSync(fd, header, 0, WAL_HEADER, 0) < WAL_HEADER) return null;
    const pageSize = header.readUInt32BE(8);
    const salt = header.subarray(16, 24).toString("hex");
    const size = fs.fstatSync(fd).size;
    let offset = previous && previous.salt === salt ? previous.committedEnd : WAL_HEADER;
    let committedEnd = offset;
    const frame = Buffer.alloc(FRAME_HEADER);
    while (offset + FRAME_HEADER + pageSize <= size) {
      fs.readSync(fd, frame, 0, FRAME_HEADER, offset);
      if (frame.subarray(8, 16).toString("hex") !== salt) break; // a frame left from before the restart
      offset += FRAME_HEADER + pageSize;
      if (frame.readUInt32BE(4) !== 0) committedEnd = offset; // the commit frame of a transaction
    }
    return { salt, pageSize, committedEnd };
  } finally {
    fs.closeSync(fd);
  }
}

/** Litestream's folder beside the database (`.<name>-litestream`). */
export function litestreamMetaDir(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), `.${path.basename(databaseFile)}-litestream`);
}

const headerCache = new Map<string, string>();

/**
 * The position of the database's last committed write: the current generation, the shadow index
 * whose header carries the WAL's salt (or the next one, when Litestream has not yet seen the
 * restart), and the committed end. Null when Litestream has not started a generation.
 */
export function primaryPosition(databaseFile: string, scan: WalScan): Position | null {
  const meta = litestreamMetaDir(databaseFile);
  let generation: string;
  try {
    generation = fs.readFileSync(path.join(meta, "generation"), "utf8").trim();
  } catch {
    return null;
  }
  if (!/^[0-9a-f]{16}$/.test(generation)) return null;
  const dir = path.join(meta, "generations", generation, "wal");
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => /^[0-9a-f]{8}\.wal$/.test(name));
  } catch {
    return null;
  }
  let highest = -1;
  for (const name of names.sort().reverse()) {
    const index = parseInt(name.slice(0, 8), 16);
    highest = Math.max(highest, index);
    const key = path.join(dir, name);
    let salt = headerCache.get(key);
    if (salt === undefined) {
      try {
        const fd = fs.openSync(key, "r");
        const header = Buffer.alloc(WAL_HEADER);
        const read = fs.readSync(fd, header, 0, WAL_HEADER, 0);
        fs.closeSync(fd);
        if (read < WAL_HEADER) continue;
        salt = header.subarray(16, 24).toString("hex");
        if (headerCache.size > 1000) headerCache.clear();
        headerCache.set(key, salt);
      } catch {
        continue;
      }
    }
    if (salt === scan.salt) return { generation, index, offset: scan.committedEnd };
  }
  return highest < 0 ? null : { generation, index: highest + 1, offset: scan.committedEnd };
}

/** `9d1e…/0000000a:4152` as Litestream logs it. */
export function parsePosition(text: unknown): Position | null {
  const match = typeof text === "string" ? /^([0-9a-f]{16})\/([0-9a-f]{8}):(\d+)$/.exec(text) : null;
  return match ? { generation: match[1]!, index: parseInt(match[2]!, 16), offset: Number(match[3]) } : null;
}

export function formatPosition(p: Position): string {
  return `${p.generation}/${p.index.toString(16).padStart(8, "0")}:${p.offset}`;
}

/** Whether everything up to `write` is on the replica at `replica`, `current` being the live generation. */
export function covers(replica: Position, write: Position, current: string): boolean {
  if (replica.generation === write.generation) return replica.index > write.index || (replica.index === write.index && replica.offset >= write.offset);
  // A new generation starts with a snapshot of the whole database: it holds every older write.
  return replica.generation === current;
}

/**
 * The replica's lag: committed positions as they are observed, each with the time it was first
 * seen, dropped once the replica covers them. The lag is the age of the oldest one left.
 */
export class LagTracker {
  private pending: Array<{ position: Position; at: number }> = [];
  private replica: Position | null = null;
  private generation = "";

  observe(position: Position, now: number): void {
    this.generation = position.generation;
    const last = this.pending.at(-1)?.position;
    if (last && last.generation === position.generation && last.index === position.index && last.offset === position.offset) return;
    if (this.replica && covers(this.replica, position, this.generation)) return;
    this.pending.push({ position, at: now });
    // A replica down for hours: keep every other sample, which keeps the oldest and so the lag.
    if (this.pending.length > 5000) this.pending = this.pending.filter((_, i) => i % 2 === 0);
  }

  shipped(position: Position): void {
    this.replica = position;
    this.pending = this.pending.filter((entry) => !covers(position, entry.position, this.generation || position.generation));
  }

  /** When the oldest write not on the replica was first seen (ms), or null when it has everything seen. */
  pendingSince(): number | null {
    return this.pending[0]?.at ?? null;
  }

  lastShipped(): Position | null {
    return this.replica;
  }
}
