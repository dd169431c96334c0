/** The figures of one benchmark run, as written to bench/results/<timestamp>.json. */

export type LoadRow = {
  /** What was requested, e.g. "article" or "nginx: static file". */
  name: string;
  /** npm start, nginx (in front, or serving a file), or the bare Node reference. */
  target: "app" | "nginx" | "node";
  /** The load generator: autocannon unless said (wrk for the hot path). */
  tool?: "wrk" | "autocannon";
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** The app's resident memory right after the row, and its peak so far (process tree, MiB). */
  appMemory?: { rssMiB: number; peakMiB: number };
};

export type BenchResults = {
  startedAt: string;
  command: string;
  machine: { cpu: string; cores: number; memoryMiB: number; node: string; os: string; loadBefore: number[]; loadAfter: number[] };
  archive: { posts: number; published: number; revisions: number; media: number; categories: number; generatedSeconds: number | null; databaseMiB: number; documents?: number };
  buildSeconds: number | null;
  load: LoadRow[];
  search: { queries: number; p50Ms: number; p95Ms: number; maxMs: number };
  /** The same queries timed in the data layer alone (the server's time for the search, without the page). */
  searchQuery?: { queries: number; p50Ms: number; p95Ms: number; maxMs: number };
  /** The registry's search (/van-ban) timed in the data layer alone, numbers and words (`--documents`). */
  registryQuery?: { queries: number; p50Ms: number; p95Ms: number; maxMs: number };
  /** One cached article, as fast as it goes: the app beside a bare Node server sending the same bytes (and nginx's file). */
  hotPath?: { app: LoadRow; node: LoadRow; nginx?: LoadRow };
  /** Readers of a cached article alone, then beside a flood of made-up addresses (issue 19). */
  flood?: { alone: LoadRow; beside: LoadRow; flood: LoadRow; diskBeforeKiB: number; diskAfterKiB: number };
  /** The same rows at one app process and at the run's number (WORKERS). */
  processes?: { workers: number; article: LoadRow; search: LoadRow; peakRssMiB: number }[];
  publish: { target: "app" | "nginx"; samplesMs: number[]; medianMs: number; maxMs: number }[];
  memory: { peakRssMiB: number; processes: { pid: number; command: string; hwmMiB: number }[] };
  pageWeight: { path: string; htmlGzip: number; cssGzip: number; jsGzip: number; files: { url: string; kind: "html" | "css" | "js"; gzipBytes: number }[] };
  /** The read-aloud audio job per article (bench/audio.ts); absent from runs made before it. */
  audio?: import("./audio").AudioResults;
  notes: string[];
};
