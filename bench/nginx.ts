/**
 * Runs the repository's nginx configuration (deploy/nginx/cms.conf) in front of the benchmark's
 * app server, under a private prefix and ports, next to a plain static server that is the
 * reference: the same nginx sending a saved copy of the article page from disk.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const NGINX_BINARY = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";
export type NginxOptions = { dir: string; appPort: number; port: number; staticPort: number; mediaDir: string; staticHtml: string };
export type Nginx = { origin: string; staticOrigin: string; staticPath: string; brotli: boolean; stop(): Promise<void> };

export function nginxInstalled(): boolean {
  return fs.existsSync(NGINX_BINARY);
}

/** Replaces each production value of cms.conf with the benchmark's; a value that is gone means the two drifted apart. */
export function adaptSiteConfig(config: string, options: Pick<NginxOptions, "dir" | "appPort" | "port" | "mediaDir">): string {
  const replacements: Array<[string, string]> = [
    ["server 127.0.0.1:3000;", `server 127.0.0.1:${options.appPort};`],
    ["listen 80;", `listen 127.0.0.1:${options.port};`],
    ["listen [::]:80;", ""],
    ["/var/lib/cms/data/media/", `${options.mediaDir.replace(/\/$/, "")}/`],
    ["/var/cache/nginx/cms", path.join(options.dir, "cache")],
  ];
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`deploy/nginx/cms.conf no longer contains "${from}"`);
    return text.replaceAll(from, to);
  }, config);
}

function mainConfig(options: NginxOptions, brotli: boolean): string {
  const temp = (name: string) => path.join(options.dir, "temp", name);
  return `
${brotli ? `load_module ${BROTLI_MODULE};` : ""}
user root;
worker_processes auto;
pid ${path.join(options.dir, "nginx.pid")};
error_log ${path.join(options.dir, "error.log")} warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  include ${path.join(options.dir, "cms.conf")};
  ${brotli ? `include ${path.join(options.dir, "brotli.conf")};` : ""}
  # The reference: the article page saved as a file, with its gzip copy beside it (gzip_static), so
  # nginx sends compressed bytes from disk as it does from its cache for the app.
  server {
    listen 127.0.0.1:${options.staticPort};
    root ${path.join(options.dir, "static")};
    gzip_static on;
    gzip_vary on;
  }
}
`;
}

async function waitForPort(origin: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(origin).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not answer on ${origin}`);
}

export async function startNginx(options: NginxOptions): Promise<Nginx> {
  const brotli = fs.existsSync(BROTLI_MODULE);
  fs.rmSync(options.dir, { recursive: true, force: true });
  for (const sub of ["cache", "static", "temp"]) fs.mkdirSync(path.join(options.dir, sub), { recursive: true });
  const site = fs.readFileSync(path.join("deploy", "nginx", "cms.conf"), "utf8");
  fs.writeFileSync(path.join(options.dir, "cms.conf"), adaptSiteConfig(site, options));
  fs.copyFileSync(path.join("deploy", "nginx", "brotli.conf"), path.join(options.dir, "brotli.conf"));
  fs.writeFileSync(path.join(options.dir, "static", "article.html"), options.staticHtml);
  fs.writeFileSync(path.join(options.dir, "static", "article.html.gz"), gzipSync(options.staticHtml));
  const configFile = path.join(options.dir, "nginx.conf");
  fs.writeFileSync(configFile, mainConfig(options, brotli));
  const check = spawnSync(NGINX_BINARY, ["-t", "-q", "-c", configFile], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const child: ChildProcess = spawn(NGINX_BINARY, ["-c", configFile, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${options.port}`;
  const staticOrigin = `http://127.0.0.1:${options.staticPort}`;
  await waitForPort(staticOrigin, 10_000);
  return {
    origin,
    staticOrigin,
    staticPath: "/article.html",
    brotli,
    stop: async () => {
      child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
