/**
 * Refreshing nginx's copies (deploy/nginx/cms.conf): the page is asked for again with
 * `X-Cms-Refresh: 1`, which nginx honours from its own machine only by skipping the kept copy and
 * keeping the fresh answer instead. nginx keeps one copy per encoding the app sends (its cache key
 * ends with the encoding), so each is asked for in turn. Stock nginx does this; Debian's purge
 * module (libnginx-mod-http-cache-purge 2.3) crashes its worker on a PURGE with nginx 1.22.
 */
import { RefreshQueue } from "./refresh-queue";

export const ENCODINGS = ["br", "gzip", "identity"] as const;

export type PurgeOutcome = { purged: number; failures: string[] };

// One queue per process: 8 refreshes at once, at most 2 of them for lists (about one per core).
const queue = new RefreshQueue(8, 2);

/**
 * Refreshes `paths` in every nginx; the first is the page that changed (lib/cache/tags.ts), sent
 * ahead of anything still waiting. Any answer below 500 (a page, a redirect, a 404 for a page now
 * gone) is the fresh copy nginx keeps.
 */
export async function refreshNginx(origins: readonly string[], paths: readonly string[]): Promise<PurgeOutcome> {
  const failures = await Promise.all(
    origins.flatMap((origin) =>
      paths.flatMap((path, i) => ENCODINGS.map((encoding) => queue.add(`${encoding} ${origin}${path}`, i === 0, () => refreshOne(origin, path, encoding)))),
    ),
  );
  const failed = failures.filter((failure): failure is string => failure !== null);
  return { purged: failures.length - failed.length, failures: failed };
}

async function refreshOne(origin: string, path: string, encoding: string): Promise<string | null> {
  try {
    const response = await fetch(`${origin}${path}`, {
      headers: { "accept-encoding": encoding, "x-cms-refresh": "1" },
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status < 500 ? null : `${origin}${path} (${encoding}): HTTP ${response.status}`;
  } catch (error) {
    return `${origin}${path} (${encoding}): ${(error as Error).cause ?? (error as Error).message}`;
  }
}
