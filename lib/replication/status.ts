/*
 * The replica's health as the process running the replication publishes it (with each renewal of
 * the background lease, so every process reads the same record and no write is added), and as
 * /admin and /api/health present it.
 */
export type ReplicationStatus = {
  target: string;
  /** Litestream is running and has said nothing is wrong since its last success. */
  running: boolean;
  lastShipped: { position: string; at: string } | null;
  /** When the oldest committed write not yet on the replica was first seen; null when there is none. */
  pendingSince: string | null;
  lagLimitSeconds: number;
  error: { message: string; at: string } | null;
  media: { pending: number; copied: number; lastCopiedAt: string | null; error: string | null };
  updatedAt: string;
};

export type ReplicationHealth =
  | { state: "off" }
  | {
      state: "ok" | "lagging" | "error" | "unknown";
      target: string;
      lagSeconds: number;
      lagLimitSeconds: number;
      lastShipped: { position: string; at: string } | null;
      mediaPending: number;
      error: string | null;
      /** Pid of the process running the replication. */
      pid: number | null;
    };

/** The record is written every 2 s; one older than this means its writer is gone (a successor takes over). */
const STALE_MS = 10_000;

/** What a reader makes of the published record now: the lag goes on growing between two records. */
export function replicationHealth(status: ReplicationStatus | null, pid: number | null, now: Date, configured: boolean): ReplicationHealth {
  if (!configured) return { state: "off" };
  if (!status) return { state: "unknown", target: "", lagSeconds: 0, lagLimitSeconds: 0, lastShipped: null, mediaPending: 0, error: null, pid };
  const pendingMs = status.pendingSince ? now.getTime() - Date.parse(status.pendingSince) : 0;
  const lagSeconds = Math.max(0, Math.round(pendingMs / 100) / 10);
  const stale = now.getTime() - Date.parse(status.updatedAt) > STALE_MS;
  const error = status.error?.message ?? status.media.error;
  const state = stale ? "unknown" : !status.running || error ? "error" : lagSeconds > status.lagLimitSeconds ? "lagging" : "ok";
  return { state, target: status.target, lagSeconds, lagLimitSeconds: status.lagLimitSeconds, lastShipped: status.lastShipped, mediaPending: status.media.pending, error: error ?? null, pid };
}
