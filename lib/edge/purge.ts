/**
 * Keeping the caches in front (nginx, a CDN) in step with content, when they are configured
 * (./settings.ts). A public page goes out with a long shared expiry only once this process has
 * noted it (./served.ts); when a change's tags reach this process (the outbox follower, after it
 * has emptied its own copies), the addresses they name are purged: nginx first, then the CDN,
 * which may be fetching from nginx.
 *
 * Each app process notes and purges what it served itself. A process asked for a page catches up
 * with the outbox first (lib/cache/follower.ts), so a cache refilling right after a purge never
 * gets this process's copy from before the change.
 */
import "server-only";
import { onInvalidation } from "@/lib/cache/follower";
import { purgeCloudflare } from "./cloudflare-purge";
import { refreshNginx, type PurgeOutcome } from "./nginx-refresh";
import { ServedIndex } from "./served";
import { edgeSettings, type EdgeSettings } from "./settings";

// A CDN may serve a page this much past its s-maxage while it fetches it again (Cache-Control).
export const STALE_WHILE_REVALIDATE_SECONDS = 30;
const MAX_NOTED = 200_000;

type State = { index: ServedIndex; started: boolean; failing: boolean };
const state = ((globalThis as unknown as { __cmsEdge?: State }).__cmsEdge ??= { index: new ServedIndex(MAX_NOTED), started: false, failing: false });

/**
 * How long the caches in front may keep `path`, which shows `tags`: the configured time when they
 * are told of changes and the address is noted, else null (keep it only briefly).
 */
export function edgeLifetime(path: string, tags: readonly string[], now: number = Date.now()): number | null {
  const settings = edgeSettings();
  if (!settings) return null;
  const until = now + (settings.cacheSeconds + STALE_WHILE_REVALIDATE_SECONDS + 1) * 1000;
  return state.index.record(path, tags, until, now) ? settings.cacheSeconds : null;
}

/** Purges, in every cache in front, what `tags` name among the addresses this process let them keep. */
export async function purgeEdges(settings: EdgeSettings, tags: readonly string[]): Promise<PurgeOutcome> {
  const paths = state.index.take(tags);
  const outcome: PurgeOutcome = { purged: 0, failures: [] };
  if (paths.length === 0) return outcome;
  const add = (part: PurgeOutcome) => {
    outcome.purged += part.purged;
    outcome.failures.push(...part.failures);
  };
  if (settings.nginx.length > 0) add(await refreshNginx(settings.nginx, paths));
  if (settings.cloudflare) add(await purgeCloudflare(settings.cloudflare, paths.map((path) => `${settings.siteUrl}${path}`)));
  return outcome;
}

/** One line when purging starts failing (with the first failures) and one when it works again: a dead cache must not flood the log. */
function report(outcome: PurgeOutcome): void {
  if (outcome.failures.length > 0 && !state.failing) {
    state.failing = true;
    console.error(`[edge] purge failed: ${outcome.failures.slice(0, 3).join("; ")}${outcome.failures.length > 3 ? ` (+${outcome.failures.length - 3})` : ""}`);
  } else if (outcome.failures.length === 0 && outcome.purged > 0 && state.failing) {
    state.failing = false;
    console.log("[edge] purge works again");
  }
}

/** At start (lib/server/startup.ts), after the follower: nothing to do without purge settings. */
export function startEdgePurging(): void {
  const settings = edgeSettings();
  if (!settings || state.started) return;
  state.started = true;
  onInvalidation(async (tags) => report(await purgeEdges(settings, tags)));
}
