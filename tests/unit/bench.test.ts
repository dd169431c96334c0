import { describe, expect, it } from "vitest";
import { generatePost } from "@/bench/documents";
import { adaptSiteConfig } from "@/bench/nginx";
import { pageAssets } from "@/bench/page-weight";
import { seededRandom } from "@/bench/random";
import { checkBudgets, formatReport } from "@/bench/report";
import type { BenchResults } from "@/bench/results";
import { searchQueries } from "@/bench/search-queries";
import { parseWrk } from "@/bench/wrk";
import { median, percentile } from "@/bench/stats";
import { headline, learnText } from "@/bench/text";
import fs from "node:fs";

const corpus = [
  "Ngày 10 tháng 8 năm 2017, Đảng ủy Cục Sở hữu trí tuệ đã tổ chức Hội nghị sơ kết công tác Đảng.",
  "Hội nghị đã nghe báo cáo sơ kết tình hình 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm.",
  "Tại Hội nghị, Đảng ủy Cục đã trao Giấy khen cho các Chi bộ đạt tiêu chuẩn trong sạch, vững mạnh.",
].join("\n");

describe("benchmark text", () => {
  const model = learnText(corpus);

  it("is the same for the same seed, and different for another", () => {
    const a = Array.from({ length: 5 }, ((r) => () => headline(model, r))(seededRandom(42)));
    const b = Array.from({ length: 5 }, ((r) => () => headline(model, r))(seededRandom(42)));
    const c = Array.from({ length: 5 }, ((r) => () => headline(model, r))(seededRandom(43)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("is made of the corpus's Vietnamese words", () => {
    const words = new Set(corpus.split(/\s+/));
    for (const word of headline(model, seededRandom(1)).split(" ")) expect(words.has(word) || words.has(`${word}.`) || words.has(`${word},`)).toBe(true);
  });

  it("builds an editor document with library figures", () => {
    const image = { id: 7, src: "/media/0123456789abcdef0123/960.jpg", alt: "Ảnh", width: 960, height: 640, srcset: null, srcsetWebp: null };
    const posts = Array.from({ length: 20 }, ((r) => () => generatePost(model, r, [image]))(seededRandom(3)));
    expect(posts.every((p) => p.body.type === "doc" && (p.body.content?.length ?? 0) >= 4)).toBe(true);
    const withFigure = posts.filter((p) => p.body.content?.some((n) => n.type === "figure" && n.attrs?.mediaId === 7));
    expect(withFigure.length).toBeGreaterThan(0);
    expect(withFigure.every((p) => p.featured?.id === 7)).toBe(true);
  });

  it("makes search queries of one to three words", () => {
    const queries = searchQueries(model, seededRandom(5), 30);
    expect(queries).toHaveLength(30);
    for (const q of queries) expect(q.replace(/"/g, "").split(" ").length).toBeLessThanOrEqual(3);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("page assets", () => {
  it("lists stylesheets and scripts once each, without nomodule polyfills", () => {
    const html = `<link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" href="/b.js"/><script src="/b.js" async=""></script>
      <script src="/polyfills.js" noModule=""></script><link rel="canonical" href="/x"/><script>inline()</script>`;
    expect(pageAssets(html)).toEqual([
      { url: "/a.css", kind: "css" },
      { url: "/b.js", kind: "js" },
    ]);
  });
});

describe("nginx configuration for the benchmark", () => {
  it("replaces every production value of deploy/nginx/cms.conf", () => {
    const adapted = adaptSiteConfig(fs.readFileSync("deploy/nginx/cms.conf", "utf8"), { dir: "/tmp/x", appPort: 3300, port: 3301, mediaDir: "/tmp/d/media" });
    expect(adapted).toContain("server 127.0.0.1:3300;");
    expect(adapted).toContain("listen 127.0.0.1:3301;");
    expect(adapted).toContain("alias /tmp/d/media/$1/$2.$3;");
    const directives = adapted.split("\n").filter((line) => !line.trim().startsWith("#"));
    expect(directives.join("\n")).not.toMatch(/\/var\/(lib|cache)\//);
  });

  it("says which value went missing when the two drift apart", () => {
    expect(() => adaptSiteConfig("server { listen 80; }", { dir: "/tmp/x", appPort: 1, port: 2, mediaDir: "/m" })).toThrow(/127\.0\.0\.1:3000/);
  });
});

describe("wrk's output", () => {
  it("gives the rate, the median and the 99th percentile in ms, and the failures", () => {
    const output = `Running 10s test @ http://127.0.0.1:3300/tin-tuc/a
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.10ms    1.20ms  40.00ms   90.00%
  Latency Distribution
     50%  812.00us
     75%    2.50ms
     90%    4.00ms
     99%    1.20s
  161234 requests in 10.00s, 1.50GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  16123.40
Transfer/sec:    153.60MB`;
    expect(parseWrk(output)).toEqual({ requestsPerSecond: 16123, p50Ms: 0.812, p99Ms: 1200, errors: 5, non2xx: 7 });
    expect(() => parseWrk("wrk: connection refused")).toThrow(/could not read/);
  });
});

describe("report", () => {
  const load = (name: string, target: "app" | "nginx" | "node", rps: number, p99: number) => ({ name, target, path: "/", connections: 50, requestsPerSecond: rps, p50Ms: 1, p99Ms: p99, errors: 0, non2xx: 0 });
  const results: BenchResults = {
    startedAt: "2026-01-01T00:00:00.000Z",
    command: "npm run bench -- --posts 100000",
    machine: { cpu: "CPU", cores: 2, memoryMiB: 1024, node: "v20", os: "Debian", loadBefore: [0.1, 0.2, 0.3], loadAfter: [1, 1, 1] },
    archive: { posts: 100000, published: 94000, revisions: 110000, media: 24, categories: 12, generatedSeconds: null, databaseMiB: 5000 },
    buildSeconds: 40,
    load: [load("home", "app", 2500, 40), load("article", "app", 1500, 120), load("search", "app", 1200, 60), load("static file", "nginx", 10000, 10), load("home", "nginx", 6000, 20)],
    search: { queries: 60, p50Ms: 5, p95Ms: 20, maxMs: 30 },
    searchQuery: { queries: 60, p50Ms: 3, p95Ms: 20, maxMs: 25 },
    hotPath: { app: load("one article", "app", 16000, 5), node: load("one article", "node", 30000, 3) },
    flood: { alone: load("readers alone", "app", 5000, 10), beside: load("readers beside the flood", "app", 4400, 12), flood: load("made-up addresses", "app", 12, 1000), diskBeforeKiB: 100, diskAfterKiB: 100 },
    processes: [
      { workers: 1, article: load("article", "app", 900, 90), search: load("search", "app", 700, 95), peakRssMiB: 150 },
      { workers: 2, article: load("article", "app", 1500, 120), search: load("search", "app", 1200, 60), peakRssMiB: 300 },
    ],
    publish: [
      { target: "app", samplesMs: [500, 700], medianMs: 600, maxMs: 700 },
      { target: "nginx", samplesMs: [200, 650], medianMs: 250, maxMs: 650 },
    ],
    memory: {
      peakRssMiB: 760,
      processes: [
        { pid: 1, command: "node --max-old-space-size=192 dist/server.js", hwmMiB: 90 },
        { pid: 2, command: "node --max-old-space-size=192 /srv/cms/dist/server.js", hwmMiB: 380 },
        { pid: 3, command: "node --max-old-space-size=192 /srv/cms/dist/server.js", hwmMiB: 30 },
        { pid: 4, command: "node speech-worker.js", hwmMiB: 260 },
      ],
    },
    pageWeight: { path: "/tin-tuc/a", htmlGzip: 10000, cssGzip: 7000, jsGzip: 140000, files: [] },
    notes: ["a note"],
  };

  it("checks each budget against the figures", () => {
    const met = Object.fromEntries(checkBudgets(results).map((c) => [c.budget.split(":")[0], c.met]));
    expect(met["home"]).toBe(true);
    expect(met["article"]).toBe(false);
    expect(met["category p.N"]).toBeNull();
    expect(met["home via nginx"]).toBe(true);
    expect(met["search, each typed query new to the process"]).toBe(false); // p95 20 ms
    expect(met["search, broad query at c=50"]).toBe(true);
    expect(met["hot path"]).toBe(true); // 16,000 ≥ half of 30,000
    expect(met["publish visible through nginx"]).toBe(false); // max 650 ms
    expect(met["publish visible (npm start) < 2 s"]).toBe(true);
    expect(met["made-up addresses beside readers"]).toBe(false); // 88 %
    expect(met["article page JavaScript < 100 kB gzip"]).toBe(false);
    expect(met["memory of each app process < 400 MB"]).toBe(true); // the speech worker is not an app process
    const figure = checkBudgets(results).find((c) => c.budget.startsWith("memory of each app process"))?.figure;
    expect(figure).toBe("380 MiB peak RSS, largest of 3 processes (760 MiB for the whole tree)");
  });

  it("prints one Markdown row per measurement, with the machine and the command", () => {
    const text = formatReport(results);
    expect(text).toContain("| home `/` | npm start | 50 | 2,500 | 1.0 | 40 | 0 / 0 |");
    expect(text).toContain("`npm run bench -- --posts 100000`");
    expect(text).toContain("2 cores");
    expect(text).toContain("archive reused");
    expect(text).toContain("| article page JavaScript < 100 kB gzip | 140.0 kB | **no** |");
    expect(text).toMatch(/- a note$/);
    expect(text).toContain("| one cached article, wrk -t1 -c50 | npm start 16,000 req/s (p99 5.0 ms); bare Node 30,000 req/s (p99 3.0 ms) |");
    expect(text).toContain("| 1 app process (WORKERS=1), c=50 | articles 900 req/s (p99 90 ms), search 700 req/s (p99 95 ms), peak memory 150 MiB |");
    expect(text).toContain("5,000 → 4,400 req/s");
    expect(text).not.toContain("read-aloud audio");
  });

  it("reports the read-aloud audio job per article, and its size against 3 MB for 1,500 words", () => {
    const sample = (secondsToReady: number, words: number, bytes: number) => ({ postId: 1, words, secondsToReady, cpuSeconds: 2.1, bytes, audioSeconds: 210 });
    const text = formatReport({ ...results, audio: { engine: "espeak-ng/175wpm/mp3-32k", afterPublish: sample(3.2, 870, 841_000), onRequest: [sample(2.5, 700, 650_000), sample(4, 900, 870_000), sample(3, 800, 780_000)] } });
    expect(text).toContain("| read-aloud audio after a publish (espeak-ng/175wpm/mp3-32k) | ready 3.2 s after, 2.1 s CPU, 841.0 kB, 3.5 min of audio, 870 words |");
    expect(text).toContain("| read-aloud audio on a reader's request (archive, median of 3) | ready 3.0 s after, 2.1 s CPU, 780.0 kB, 3.5 min of audio, 800 words |");
    expect(text).toContain("| read-aloud audio: a 1,500-word article well under 3 MB | 1.44 MB per 1,500 words | yes |");
  });
});
