/**
 * What a reader's browser downloads for one page, gzip-compressed (zlib's default level, as the
 * server sends it): the HTML, and every stylesheet and script it names (`<script src>`, stylesheet
 * and script preload links).
 * `<script nomodule>` (Next's polyfills) is left out: browsers that run modules never fetch it.
 */
import { gzipSync } from "node:zlib";
import type { BenchResults } from "./results";

type Asset = { url: string; kind: "css" | "js" };

/** Stylesheets and scripts an HTML page makes the browser fetch, each once, in page order. */
export function pageAssets(html: string): Asset[] {
  const found = new Map<string, Asset["kind"]>();
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']([^"']+)["']`, "i").exec(tag)?.[1];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    if (/^<script/i.test(tag)) {
      const src = attr(tag, "src");
      if (src && !/\snomodule\b/i.test(tag)) found.set(src, "js");
      continue;
    }
    const rel = attr(tag, "rel")?.toLowerCase() ?? "";
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel === "stylesheet" || (rel === "preload" && attr(tag, "as") === "style")) found.set(href, "css");
    else if (rel === "modulepreload" || (rel === "preload" && attr(tag, "as") === "script")) found.set(href, "js");
  }
  return [...found].map(([url, kind]) => ({ url, kind }));
}

async function gzipBytes(url: string): Promise<number> {
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return gzipSync(Buffer.from(await response.arrayBuffer())).byteLength;
}

export async function measurePageWeight(origin: string, path: string): Promise<BenchResults["pageWeight"]> {
  const html = await fetch(`${origin}${path}`, { headers: { "accept-encoding": "identity" } }).then((r) => r.text());
  const files: BenchResults["pageWeight"]["files"] = [{ url: path, kind: "html", gzipBytes: gzipSync(html).byteLength }];
  for (const asset of pageAssets(html)) {
    files.push({ url: asset.url, kind: asset.kind, gzipBytes: await gzipBytes(new URL(asset.url, origin).toString()) });
  }
  const sum = (kind: string) => files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzipBytes, 0);
  return { path, htmlGzip: sum("html"), cssGzip: sum("css"), jsGzip: sum("js"), files };
}
