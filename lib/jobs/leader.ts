import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "@/lib/dal/connection";
import { claimLease, releaseLease } from "@/lib/dal/leases/queries";

/*
 * Exactly one of the server processes runs the background work (README, "Processes"): the one
 * holding the `background` lease row. It renews the lease every 2 s for 6 s; if it dies, another
 * process takes over at its next try after the expiry (within about 7 s). A clean stop releases
 * the lease, so a successor starts at its next try (within a second).
 */
export const BACKGROUND_LEASE = "background";
export const LEASE_TTL_MS = 6_000;
const RENEW_MS = 2_000;
const RETRY_MS = 1_000;

export type LeaderWork = {
  /** Starts the work; `previousDetail` is what the previous holder stored (it may still be winding down). */
  start: (previousDetail: unknown) => void | Promise<void>;
  /** Stops it: at a clean stop of the process, or when the lease was lost (this process stalled past the TTL). */
  stop: (reason: "shutdown" | "lost") => Promise<void>;
  /** Stored with each renewal, for the other processes to read (status) and a successor to use. */
  detail?: () => unknown;
  /** Told when this process starts or stops holding the lease. */
  onChange?: (holding: boolean) => void;
};

type State = { timer?: NodeJS.Timeout; holding: boolean; stopped: boolean; id: string; busy: boolean; work: LeaderWork };
const holder = globalThis as unknown as { __cmsLeader?: State };

export function holdsBackgroundLease(): boolean {
  return holder.__cmsLeader?.holding ?? false;
}

/** Competes for the background lease for the life of the process, running `work` while holding it. */
export function startLeadership(db: Db, work: LeaderWork, options: { ttlMs?: number; renewMs?: number; retryMs?: number } = {}): void {
  if (holder.__cmsLeader) return;
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const state: State = { holding: false, stopped: false, id: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, busy: false, work };
  holder.__cmsLeader = state;
  const me = { id: state.id, pid: process.pid };
  const schedule = () => {
    if (!state.stopped) state.timer = setTimeout(tick, state.holding ? (options.renewMs ?? RENEW_MS) : (options.retryMs ?? RETRY_MS));
  };
  const tick = async () => {
    if (state.busy || state.stopped) return;
    state.busy = true;
    try {
      const claim = claimLease(db, BACKGROUND_LEASE, me, ttlMs, new Date(), work.detail?.());
      if (claim.held && !state.holding) {
        state.holding = true;
        console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "background work taken", pid: process.pid, from: claim.takenFrom?.pid ?? null }));
        work.onChange?.(true);
        await work.start(claim.takenFrom?.detail ?? null);
      } else if (!claim.held && state.holding) {
        state.holding = false;
        console.error(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg: "background lease lost", pid: process.pid, holder: claim.current.pid }));
        work.onChange?.(false);
        await work.stop("lost");
      }
    } catch (error) {
      console.error("[leader] lease check failed", error);
    } finally {
      state.busy = false;
      schedule();
    }
  };
  void tick();
}

/** At shutdown: stop the work, then release the lease so another process takes over at once. */
export async function stopLeadership(db: Db): Promise<void> {
  const state = holder.__cmsLeader;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  while (state.busy) await new Promise((resolve) => setTimeout(resolve, 20));
  holder.__cmsLeader = undefined;
  if (!state.holding) return;
  state.holding = false;
  await state.work.stop("shutdown");
  try {
    releaseLease(db, BACKGROUND_LEASE, state.id);
  } catch (error) {
    console.error("[leader] release failed", error);
  }
}
