import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pathnameOf } from "./http-parts";

/*
 * One JSON line per request and per error on stdout, for whatever collects the service's output
 * (journald, docker). Lines are buffered and written once per turn of the event loop, so a burst
 * of requests costs one write, and nothing on the request path touches the file system.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

let buffer: string[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  if (buffer.length === 0) return;
  const text = buffer.join("");
  buffer = [];
  process.stdout.write(text);
}

function push(line: string): void {
  buffer.push(line);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

/** Writes one JSON line (with its time) soon; `flushLog` writes what is pending at once. */
export function logLine(fields: Record<string, unknown>): void {
  push(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}

export const flushLog = flush;

/** The proxy's X-Request-Id when a trusted proxy sent a well-formed one (to follow a request across both logs), else a new one. */
export function requestIdFor(req: IncomingMessage, fromTrustedProxy: boolean): string {
  const incoming = req.headers["x-request-id"];
  if (fromTrustedProxy && typeof incoming === "string" && REQUEST_ID.test(incoming)) return incoming;
  return randomUUID();
}

function pathOf(url: string | undefined): string {
  // The query string is left out: it can hold what readers searched for, or tokens.
  const path = pathnameOf(url);
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

// The time of the last line, by millisecond: under load many lines share one.
let stampMs = -1;
let stamp = "";
function timeNow(): string {
  const now = Date.now();
  if (now !== stampMs) {
    stampMs = now;
    stamp = new Date(now).toISOString();
  }
  return stamp;
}

/**
 * The request's line, once answered with `status` after `ms`: the same fields as `logLine` would
 * write, put together directly, because every cache hit writes one (building and serializing an
 * object was a tenth of a hit's own work). Only the path and the address can hold characters JSON
 * must escape: the id is checked or made by `requestIdFor`, and the method is a token Node's parser accepted.
 */
export function logAnswered(req: IncomingMessage, status: number, ms: number, fields: { id: string; ip: string }): void {
  // 503 is the health check saying "not yet" (starting, stopping): worth a look, not an alarm.
  const level = status === 503 ? "warn" : status >= 500 ? "error" : "info";
  push(
    `{"time":"${timeNow()}","level":"${level}","msg":"request","id":"${fields.id}","method":"${req.method}",` +
      `"path":${JSON.stringify(pathOf(req.url))},"status":${status},"ms":${Math.round(ms * 10) / 10},"ip":${JSON.stringify(fields.ip)}}\n`,
  );
}

/** Logs the request when its response is finished (or the client went away before that). */
export function logRequest(req: IncomingMessage, res: ServerResponse, fields: { id: string; ip: string }): void {
  const started = performance.now();
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    // 499: the client closed the connection first.
    logAnswered(req, res.writableFinished ? res.statusCode : 499, performance.now() - started, fields);
  };
  res.once("finish", done);
  res.once("close", done);
}

/** An error thrown while handling a request, with the request's id so both lines can be matched. */
export function logRequestError(error: unknown, fields: { id: string; method?: string; path?: string }): void {
  const err = error instanceof Error ? error : new Error(String(error));
  logLine({ level: "error", msg: "request error", id: fields.id, method: fields.method, path: pathOf(fields.path), error: err.message, stack: err.stack });
}
