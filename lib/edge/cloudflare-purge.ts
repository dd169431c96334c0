/**
 * Purging a Cloudflare zone by URL (https://developers.cloudflare.com/cache/how-to/purge-cache/purge-by-single-file/):
 * `POST {api}/zones/{zone}/purge_cache` with `{"files": [...]}` and an API token with the Cache
 * Purge permission, at most 100 URLs a request. A purge by URL removes every encoding of the URL.
 * When the account's purge rate is spent (429), the request is tried again after Retry-After.
 */
import type { CloudflareTarget } from "./settings";
import type { PurgeOutcome } from "./nginx-refresh";

export const CLOUDFLARE_URLS_PER_REQUEST = 100;
const ATTEMPTS = 3;
const MAX_WAIT_MS = 60_000;

type Reply = { success?: boolean; errors?: { code?: number; message?: string }[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function purgeBatch(target: CloudflareTarget, files: string[]): Promise<string | null> {
  let problem = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const response = await fetch(`${target.apiUrl}/zones/${target.zoneId}/purge_cache`, {
        method: "POST",
        headers: { authorization: `Bearer ${target.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify({ files }),
        signal: AbortSignal.timeout(15_000),
      });
      const reply = (await response.json().catch(() => ({}))) as Reply;
      if (response.ok && reply.success) return null;
      problem = `HTTP ${response.status}${reply.errors?.length ? `: ${reply.errors.map((e) => `${e.code ?? ""} ${e.message ?? ""}`.trim()).join("; ")}` : ""}`;
      if (response.status !== 429 && response.status < 500) return problem;
      const retryAfter = Number(response.headers.get("retry-after"));
      await sleep(Math.min(MAX_WAIT_MS, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000 * attempt));
    } catch (error) {
      problem = String((error as Error).cause ?? (error as Error).message);
      await sleep(1000 * attempt);
    }
  }
  return problem;
}

export async function purgeCloudflare(target: CloudflareTarget, urls: readonly string[]): Promise<PurgeOutcome> {
  const outcome: PurgeOutcome = { purged: 0, failures: [] };
  for (let start = 0; start < urls.length; start += CLOUDFLARE_URLS_PER_REQUEST) {
    const files = urls.slice(start, start + CLOUDFLARE_URLS_PER_REQUEST);
    const problem = await purgeBatch(target, files);
    if (problem) outcome.failures.push(`Cloudflare (${files.length} địa chỉ): ${problem}`);
    else outcome.purged += files.length;
  }
  return outcome;
}
