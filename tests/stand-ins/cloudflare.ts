/**
 * A local stand-in for Cloudflare's purge-by-URL API, which these machines cannot reach. It follows
 * the documented contract (https://developers.cloudflare.com/api/resources/cache/methods/purge/):
 * `POST /client/v4/zones/{zone_id}/purge_cache`, `Authorization: Bearer <token>`, a JSON body
 * `{"files": [...]}` of at most 100 URLs, and the v4 envelope `{success, errors, messages, result}`;
 * 403 with code 10000 for a bad token, 429 with Retry-After when the purge rate is spent.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type CloudflareStandIn = {
  /** The API base to give the app (CLOUDFLARE_API_URL). */
  apiUrl: string;
  /** The `files` of each accepted purge, in order. */
  purged: string[][];
  /** Every request, accepted or not. */
  requests: number;
  close(): Promise<void>;
};

const MAX_FILES = 100;

export async function startCloudflareStandIn(options: { zoneId: string; token: string; port?: number; rateLimited?: number }): Promise<CloudflareStandIn> {
  let limitedLeft = options.rateLimited ?? 0;
  const state: Pick<CloudflareStandIn, "purged" | "requests"> = { purged: [], requests: 0 };
  const server = createServer((req, res) => {
    state.requests++;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const reply = (status: number, body: object, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify({ messages: [], ...body }));
      };
      const fail = (status: number, code: number, message: string, headers: Record<string, string> = {}) => reply(status, { success: false, errors: [{ code, message }], result: null }, headers);
      if (req.method !== "POST" || req.url !== `/client/v4/zones/${options.zoneId}/purge_cache`) return fail(404, 7003, "Could not route to /zones, perhaps your object identifier is invalid?");
      if (req.headers.authorization !== `Bearer ${options.token}`) return fail(403, 10000, "Authentication error");
      if (limitedLeft > 0) {
        limitedLeft--;
        return fail(429, 971, "Please wait and consider throttling your request speed", { "retry-after": "1" });
      }
      let files: unknown;
      try {
        files = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { files?: unknown }).files;
      } catch {
        return fail(400, 1012, "Request must contain one of \"purge_everything\", \"files\", \"tags\", \"hosts\" or \"prefixes\"");
      }
      if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === "string" && /^https?:\/\//.test(f))) return fail(400, 1012, "files must be a list of URLs");
      if (files.length > MAX_FILES) return fail(400, 1015, `You may only purge up to ${MAX_FILES} files per request`);
      state.purged.push(files as string[]);
      reply(200, { success: true, errors: [], result: { id: options.zoneId } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/client/v4`,
    get purged() {
      return state.purged;
    },
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
