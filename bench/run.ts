/**
 * `npm run bench [-- --posts 100000 --documents 20000]`: generates (or reuses) an archive (news posts and legal documents), builds, starts the
 * production server on its own port and data folder, measures it (and the repository's nginx in
 * front of it, when nginx is installed), prints a table and writes bench/results/<time>.json.
 * Run it under the build lock so no one else's build shares the machine:
 * `flock /tmp/cms-e2e.lock npm run bench -- --posts 100000`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "@/lib/dal/connection";
import { searchRegistry } from "@/lib/dal/documents/search";
import { searchPublishedIn } from "@/lib/dal/search/queries";
import { learnText } from "./text";
import { currentMemory, peakMemory, startAppServer } from "./app-server";
import { generateArchive, sampleCorpus, type ArchiveSummary } from "./generate";
import { generateDocuments, registryAddresses } from "./legal-documents";
import { measureLoad, sequentialLatencies, warmUp, BROWSER_HEADERS, type LoadTarget } from "./load";
import { measureFlood } from "./flood";
import { measureHotPath } from "./hot-path";
import { nginxInstalled, startNginx } from "./nginx";
import { measurePageWeight } from "./page-weight";
import { measureAudio } from "./audio";
import { timePublish, type PublishProbe } from "./publish";
import { seededRandom } from "./random";
import { formatReport } from "./report";
import type { BenchResults, LoadRow } from "./results";
import { searchQueries } from "./search-queries";
import { median, percentile } from "./stats";
import { measureWrk, wrkInstalled } from "./wrk";

const { values: args } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    // Legal documents in the registry (issue 15 asks for its rows at 20,000).
    documents: { type: "string", default: "2000" },
    seed: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    dir: { type: "string", default: "/tmp/cms-bench" },
    port: { type: "string", default: "3300" },
    // App processes of `npm start` (WORKERS); default: one per core, as `npm start` runs.
    workers: { type: "string", default: String(os.availableParallelism()) },
    "skip-build": { type: "boolean", default: false },
    regenerate: { type: "boolean", default: false },
    "generate-only": { type: "boolean", default: false },
  },
});
const POSTS = Number(args.posts);
const DOCUMENTS = Number(args.documents);
const SEED = Number(args.seed);
const SECONDS = Number(args.seconds);
const PORT = Number(args.port);
if (!Number.isInteger(POSTS) || POSTS < 100) throw new Error("--posts must be a whole number, 100 or more");
if (!Number.isInteger(DOCUMENTS) || DOCUMENTS < 0) throw new Error("--documents must be a whole number, 0 or more");
if (PORT === 3100) throw new Error("port 3100 belongs to the end-to-end tests");

const archiveDir = path.join(args.dir, String(POSTS));
const databasePath = path.join(archiveDir, "cms.db");
// The server's media folder and generated files live beside its database (db/open.ts).
process.env.DATABASE_PATH = databasePath;
const log = (line: string) => console.log(line);
const notes: string[] = [];

function machine(loadBefore: number[]): BenchResults["machine"] {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const release = fs.existsSync("/etc/os-release") ? /^PRETTY_NAME="?([^"\n]+)/m.exec(fs.readFileSync("/etc/os-release", "utf8"))?.[1] : undefined;
  return { cpu, cores: os.availableParallelism(), memoryMiB: Math.round(os.totalmem() / 2 ** 20), node: process.version, os: release ?? os.release(), loadBefore, loadAfter: os.loadavg() };
}

/** Reuses an archive made earlier with the same size and seed; the marker is written only once it is complete. */
async function archive(): Promise<{ summary: ArchiveSummary; reused: boolean }> {
  const marker = path.join(archiveDir, "archive.json");
  if (!args.regenerate && fs.existsSync(marker) && fs.existsSync(databasePath)) {
    const saved = JSON.parse(fs.readFileSync(marker, "utf8")) as ArchiveSummary & { seed: number };
    if (saved.posts === POSTS && saved.seed === SEED) return { summary: saved, reused: true };
  }
  fs.mkdirSync(archiveDir, { recursive: true });
  fs.rmSync(marker, { force: true });
  fs.rmSync(path.join(archiveDir, "documents.json"), { force: true });
  log(`Tạo kho ${POSTS.toLocaleString("vi-VN")} bài (seed ${SEED}) tại ${databasePath}…`);
  const summary = await generateArchive({ posts: POSTS, seed: SEED, databasePath, log });
  fs.writeFileSync(marker, JSON.stringify({ ...summary, seed: SEED }, null, 2));
  return { summary, reused: false };
}

function build(): number | null {
  if (args["skip-build"]) return null;
  log("npm run build…");
  const started = performance.now();
  execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  return (performance.now() - started) / 1000;
}

type Addresses = { home: string; category: string; articles: string[]; englishArticles: string[]; search: string; probe: PublishProbe; nginxProbe: PublishProbe };

/** The addresses to measure, read from the archive: the largest category deep in its pages, public articles, two posts to edit. */
function addresses(db: ReturnType<typeof openDb>): Addresses {
  const sqlite = db.$client;
  const now = Date.now();
  // News posts only: the archive also holds legal documents (--documents), which live under /van-ban.
  const isPublic = "p.kind = 'post' AND p.status = 'published' AND p.published_at <= ? AND p.deleted_at IS NULL";
  const biggest = sqlite
    .prepare(`SELECT c.slug, count(*) AS n FROM posts p JOIN categories c ON c.id = p.category_id WHERE ${isPublic} GROUP BY c.id ORDER BY n DESC LIMIT 1`)
    .get(now) as { slug: string; n: number };
  const page = Math.min(500, Math.ceil(biggest.n / 10));
  if (page < 500) notes.push(`The largest category has ${biggest.n} public posts, so the deep category page is page ${page}, not 500.`);
  const slugsIn = (language: string) => (sqlite.prepare(`SELECT p.slug FROM posts p WHERE ${isPublic} AND p.language = ? ORDER BY p.id`).all(now, language) as { slug: string }[]).map((r) => r.slug);
  const slugs = slugsIn("vi");
  const random = seededRandom(SEED + 1);
  const articles = Array.from({ length: 200 }, () => `/tin-tuc/${random.pick(slugs)}`);
  // English articles (/en/news/…): the generator puts one post in twenty there; an archive made before it has none.
  const english = slugsIn("en");
  if (english.length === 0) notes.push("The archive has no English posts (made before they were generated; --regenerate): the English article row was skipped.");
  const englishArticles = english.length ? Array.from({ length: 200 }, () => `/en/news/${random.pick(english)}`) : [];
  const editor = sqlite.prepare("SELECT id, name, unit FROM users WHERE role = 'editor' ORDER BY id LIMIT 1").get() as { id: number; name: string; unit: string };
  const actor = { ...editor, role: "editor" as const, ip: "127.0.0.1" };
  const [first, second] = (sqlite.prepare(`SELECT p.id, p.slug FROM posts p WHERE ${isPublic} AND p.language = 'vi' ORDER BY p.published_at DESC LIMIT 2`).all(now) as { id: number; slug: string }[]).map(
    (row) => ({ db, actor, postId: row.id, slug: row.slug }),
  );
  return {
    home: "/",
    category: page >= 2 ? `/chuyen-muc/${biggest.slug}/trang/${page}` : `/chuyen-muc/${biggest.slug}`,
    articles,
    englishArticles,
    search: `/tim-kiem?q=${encodeURIComponent("hội nghị")}`,
    probe: first!,
    nginxProbe: second!,
  };
}

async function loadRows(targets: LoadTarget[], appPid: number): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  for (const target of targets) {
    await warmUp(target, 3);
    for (const connections of [10, 50]) {
      const measured = { ...(await measureLoad(target, connections, SECONDS)), appMemory: currentMemory(appPid) };
      log(`  ${target.name} (${target.target}) c=${connections}: ${measured.requestsPerSecond} req/s, p99 ${measured.p99Ms} ms, app ${measured.appMemory.rssMiB} MiB (peak ${measured.appMemory.peakMiB})`);
      rows.push(measured);
    }
  }
  return rows;
}

async function publishTimes(probe: PublishProbe, origin: string, rounds: number, label: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    samples.push(await timePublish(probe, origin, `${label}-${i}`));
    // Let the previous save's cache effects settle, as between two real edits.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  return samples;
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const { summary, reused } = await archive();
  const documentsDb = openDb(databasePath);
  let documentsSummary: ReturnType<typeof generateDocuments>;
  try {
    documentsSummary = generateDocuments(documentsDb, { documents: DOCUMENTS, seed: SEED, dir: archiveDir, model: learnText(sampleCorpus()), log });
  } finally {
    documentsDb.$client.close();
  }
  if (args["generate-only"]) return log(`${databasePath}: ${JSON.stringify({ ...summary, documents: documentsSummary })}`);
  const buildSeconds = build();
  // Beside the archive, not in it: the made-up-address row checks that the archive's folder does not grow.
  const dataLog = path.join(args.dir, `server-${POSTS}.log`);
  // nginx in front is told of every change (deploy/nginx/cms.conf), as the README sets it up.
  const refreshEnv: Record<string, string> = nginxInstalled() ? { NGINX_REFRESH_URL: `http://127.0.0.1:${PORT + 1}` } : {};
  let app = await startAppServer({ port: PORT, databasePath, logFile: dataLog, trustProxy: "loopback", workers: Number(args.workers), env: refreshEnv });
  notes.push(`npm start ran ${args.workers} app process(es) (WORKERS=${args.workers}); memory is the sum over the primary and every app process.`);
  const db = openDb(databasePath);
  try {
    const at = addresses(db);
    const registry = registryAddresses(db, SEED);
    const origin = app.origin;
    const appTarget = (name: string, paths: string[]): LoadTarget => ({ name, target: "app", origin, paths });
    log("Đo tải (autocannon)…");
    const load = await loadRows([
      appTarget("home", [at.home]),
      appTarget("category p.N", [at.category]),
      appTarget("article", at.articles),
      ...(at.englishArticles.length ? [appTarget("article (English)", at.englishArticles)] : []),
      appTarget("search", [at.search]),
      ...(registry ? [appTarget("registry search", [registry.broad]), appTarget("registry number", registry.byNumber), appTarget("document", registry.documents)] : []),
      appTarget("rss", ["/rss.xml"]),
      appTarget("sitemap", ["/sitemap.xml"]),
    ], app.process.pid!);
    // The data layer's own time for each typed query, as the page calls it. Each query is new to
    // this process, but the process first answers others (other numbers, other words), as a running
    // server has: measured in a process that has just opened its connection, the first queries also
    // paid for compiling the code and preparing the statements, which a server does once.
    const now = new Date();
    const model = learnText(sampleCorpus());
    for (const q of registryAddresses(db, SEED + 1)?.queries.slice(0, 30) ?? []) searchRegistry(db, { q }, now);
    // As for the news search below: the app answers each typed query first, so the disk cache is as
    // a running server's (a word's full-text pages read from disk took 2 s once, in a process measured cold).
    if (registry) await sequentialLatencies(origin, registry.queries.map((q) => `/van-ban?q=${encodeURIComponent(q)}`));
    for (const q of searchQueries(model, seededRandom(SEED + 3), 60)) searchPublishedIn(db, { q, page: 1 }, now);
    const registryMs = (registry?.queries ?? []).map((q) => {
      const started = performance.now();
      searchRegistry(db, { q }, new Date());
      return performance.now() - started;
    });
    const registryQuery = registryMs.length > 0 ? { queries: registryMs.length, p50Ms: median(registryMs), p95Ms: percentile(registryMs, 95), maxMs: Math.max(...registryMs) } : undefined;

    const queries = searchQueries(model, seededRandom(SEED + 2), 60);
    const searchMs = await sequentialLatencies(origin, queries.map((q) => `/tim-kiem?q=${encodeURIComponent(q)}`));
    const search = { queries: searchMs.length, p50Ms: median(searchMs), p95Ms: percentile(searchMs, 95), maxMs: Math.max(...searchMs) };
    // The same for the news search, each query new to the process (but seen by the app just above).
    const queryMs = queries.map((q) => {
      const started = performance.now();
      searchPublishedIn(db, { q, page: 1 }, new Date());
      return performance.now() - started;
    });
    const searchQuery = { queries: queryMs.length, p50Ms: median(queryMs), p95Ms: percentile(queryMs, 95), maxMs: Math.max(...queryMs) };

    log("Đường nóng và địa chỉ bịa (wrk)…");
    const hot = await measureHotPath({ origin, path: at.articles[0]!, dir: archiveDir, port: PORT + 3, seconds: SECONDS });
    if (!hot) notes.push("wrk is not installed (apt-get install wrk): the hot-path and made-up-address rows were skipped.");
    const flood = await measureFlood({ origin, path: at.articles[0]!, dir: archiveDir, seconds: SECONDS, folders: [archiveDir, ".next"] });

    log("Đo thời gian xuất bản…");
    const publish: BenchResults["publish"] = [];
    const appSamples = await publishTimes(at.probe, origin, 7, "app");
    publish.push({ target: "app", samplesMs: appSamples, medianMs: median(appSamples), maxMs: Math.max(...appSamples) });
    const pageWeight = await measurePageWeight(origin, at.articles[0]!);
    log("Đo bản ghi âm (Đọc bài viết)…");
    const audio = await measureAudio(db, at.probe, origin);

    if (nginxInstalled()) {
      log("nginx (deploy/nginx/cms.conf)…");
      const staticHtml = await fetch(`${origin}${at.articles[0]}`, { headers: { "accept-encoding": "identity" } }).then((r) => r.text());
      const nginx = await startNginx({ dir: path.join(archiveDir, "nginx"), appPort: PORT, port: PORT + 1, staticPort: PORT + 2, mediaDir: path.join(archiveDir, "media"), staticHtml });
      try {
        const nginxTarget = (name: string, paths: string[], target = nginx.origin): LoadTarget => ({ name, target: "nginx", origin: target, paths });
        load.push(
          ...(await loadRows([
            nginxTarget("static file", [nginx.staticPath], nginx.staticOrigin),
            nginxTarget("home", [at.home]),
            nginxTarget("category p.N", [at.category]),
            nginxTarget("article", at.articles),
            ...(at.englishArticles.length ? [nginxTarget("article (English)", at.englishArticles)] : []),
          ], app.process.pid!)),
        );
        if (hot && wrkInstalled()) {
          hot.nginx = await measureWrk({ name: "one article (file)", target: "nginx", url: `${nginx.staticOrigin}${nginx.staticPath}`, connections: 50, seconds: SECONDS, headers: { "accept-encoding": "gzip" } });
        }
        const viaNginx = await publishTimes(at.nginxProbe, nginx.origin, 7, "nginx");
        notes.push("The app ran with NGINX_REFRESH_URL: nginx keeps pages 600 s and the app refreshes those a change made stale.");
        publish.push({ target: "nginx", samplesMs: viaNginx, medianMs: median(viaNginx), maxMs: Math.max(...viaNginx) });
        const encoding = (await fetch(`${nginx.origin}${at.home}`, { headers: BROWSER_HEADERS })).headers.get("content-encoding");
        notes.push(`nginx ${nginx.brotli ? "with" : "without"} the brotli module; the home page through it came back with content-encoding ${encoding ?? "none"}.`);
      } finally {
        await nginx.stop();
      }
    } else {
      notes.push("nginx is not installed (apt-get install nginx): the nginx rows and the nginx budget were skipped.");
    }

    const processes = peakMemory(app.process.pid!);
    const peakRssMiB = processes.reduce((sum, p) => sum + p.hwmMiB, 0);

    // The same reads at one app process, for the row the README compares (issue 17).
    const workerRows: NonNullable<BenchResults["processes"]> = [];
    const atN = (name: string) => load.find((r) => r.name === name && r.target === "app" && r.connections === 50)!;
    workerRows.push({ workers: Number(args.workers), article: atN("article"), search: atN("search"), peakRssMiB });
    if (Number(args.workers) !== 1) {
      log("Một tiến trình (WORKERS=1)…");
      await app.stop();
      app = await startAppServer({ port: PORT, databasePath, logFile: dataLog, trustProxy: "loopback", workers: 1 });
      const one = async (name: string, paths: string[]) => {
        const target: LoadTarget = { name, target: "app", origin: app.origin, paths };
        await warmUp(target, 3);
        return measureLoad(target, 50, SECONDS);
      };
      const article = await one("article", at.articles);
      const search = await one("search", [at.search]);
      workerRows.unshift({ workers: 1, article, search, peakRssMiB: peakMemory(app.process.pid!).reduce((sum, p) => sum + p.hwmMiB, 0) });
    }
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      machine: machine(loadBefore),
      archive: {
        posts: summary.posts,
        published: summary.published,
        revisions: summary.revisions,
        media: summary.media,
        categories: summary.categories,
        generatedSeconds: reused ? null : summary.seconds,
        databaseMiB: Math.round(fs.statSync(databasePath).size / 2 ** 20),
        documents: documentsSummary.documents,
      },
      buildSeconds,
      load,
      search,
      searchQuery,
      ...(registryQuery ? { registryQuery } : {}),
      ...(hot ? { hotPath: hot } : {}),
      ...(flood ? { flood } : {}),
      processes: workerRows,
      publish,
      memory: { peakRssMiB, processes },
      pageWeight,
      audio,
      notes,
    };
    const folder = path.join("bench", "results");
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${formatReport(results)}\n\n${file}`);
  } finally {
    db.$client.close();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
