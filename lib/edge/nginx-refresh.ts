/**
 * Refreshing nginx's copies (deploy/nginx/cms.conf): the page is asked for again with
 * `X-Cms-Refresh: 1`, which nginx honours from its own machine only by skipping the kept copy and
 * keeping the fresh answer instead. nginx keeps one copy per encoding the app sends (its cache key
 * ends with the encoding), so each is asked for in turn. Stock nginx does this; Debian's purge
 * module (libnginx-mod-http-cache-purge 2.3) crashes its worker on a PURGE with nginx 1.22.
 */
import { inTurns } from "./in-turns";

export const ENCODINGS = ["br", "gzip", "identity"] as const;
const AT_ONCE = 8;

export type PurgeOutcome = { purged: number; failures: string[] };

/** Any answer below 500 (a page, a redirect, a 404 for a page now gone) is the fresh copy nginx keeps. */
export async function refreshNginx(origins: readonly string[], paths: readonly string[]): Promise<PurgeOutcome> {
  const outcome: PurgeOutcome = { purged: 0, failures: [] };
  const jobsFor = (list: readonly string[]) => origins.flatMap((origin) => list.flatMap((path) => ENCODINGS.map((encoding) => ({ origin, path, encoding }))));
  // The first address is the page that changed (lib/cache/tags.ts): on its own first, so its readers
  // do not wait for the lists and related pages that show it.
  for (const jobs of [jobsFor(paths.slice(0, 1)), jobsFor(paths.slice(1))]) await refreshAll(jobs, outcome);
  return outcome;
}

async function refreshAll(jobs: { origin: string; path: string; encoding: string }[], outcome: PurgeOutcome): Promise<void> {
  await inTurns(jobs, AT_ONCE, async ({ origin, path, encoding }) => {
    try {
      const response = await fetch(`${origin}${path}`, {
        headers: { "accept-encoding": encoding, "x-cms-refresh": "1" },
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      if (response.status < 500) outcome.purged++;
      else outcome.failures.push(`${origin}${path} (${encoding}): HTTP ${response.status}`);
    } catch (error) {
      outcome.failures.push(`${origin}${path} (${encoding}): ${(error as Error).cause ?? (error as Error).message}`);
    }
  });
}
