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
  const jobs = origins.flatMap((origin) => paths.flatMap((path) => ENCODINGS.map((encoding) => ({ origin, path, encoding }))));
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
  return outcome;
}
