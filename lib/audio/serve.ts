import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import { forgetAudioFile, findPublicAudioFile, noteAudioUse } from "@/lib/dal/audio/public";
import { getDb, type Db } from "@/lib/dal/connection";
import { parseByteRange } from "./byte-range";
import { audioDirectory, audioFilePath } from "./files";
import { audioFileOf } from "./names";

/*
 * GET and HEAD of /audio/<hash>.mp3. The name is the hash of the bytes, so the answer never
 * changes: a year of `immutable` caching, and an ETag that is the name. Served only while a post on
 * the public site names the file: a name alone (from a page copy, a shared link) stops working the
 * moment the post leaves the site. Byte ranges let a player seek.
 *
 * `answerAudio` decides the answer; `npm start` sends it before Next (lib/server/audio-files.ts), as
 * Next drops Content-Length from what route handlers answer, and `next dev` through the route
 * app/audio/[file]/route.ts (`serveAudio`).
 */

export const AUDIO_HEADERS = {
  "Content-Type": "audio/mpeg",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "public, max-age=31536000, immutable",
  "Accept-Ranges": "bytes",
  // A file, never a document: nothing in it may load or run, whoever frames or opens it.
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'self'",
  "Referrer-Policy": "strict-origin-when-cross-origin",
} as const;

const NOT_FOUND_TEXT = "Không tìm thấy bản ghi âm.";

export type AudioAnswer = {
  status: 200 | 206 | 304 | 404 | 416;
  headers: Record<string, string>;
  /** The bytes to send (inclusive range), or none (HEAD, 304, 416, 404 with its text). */
  file?: { path: string; start: number; end: number };
  text?: string;
};

export type ServeAudioOptions = { db?: Db; directory?: string; now?: Date };
type AudioRequest = { method: string; header: (name: string) => string | null | undefined };

function securityHeaders(): Record<string, string> {
  return (process.env.SITE_URL ?? "").startsWith("https://") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}

function notFound(): AudioAnswer {
  return {
    status: 404,
    headers: { ...securityHeaders(), "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Content-Length": String(Buffer.byteLength(NOT_FOUND_TEXT)) },
    text: NOT_FOUND_TEXT,
  };
}

export async function answerAudio(request: AudioRequest, segment: string, options: ServeAudioOptions = {}): Promise<AudioAnswer> {
  const db = options.db ?? getDb();
  const directory = options.directory ?? audioDirectory();
  const now = options.now ?? new Date();
  const file = audioFileOf(segment);
  if (!file) return notFound();
  const found = findPublicAudioFile(db, file, now);
  const at = audioFilePath(directory, file);
  if (!found || !at) return notFound();
  const stat = await fs.promises.stat(at).catch(() => null);
  if (!stat?.isFile()) {
    // Named but not on disk (restored without the audio folder, removed by hand): offered again on request.
    forgetAudioFile(db, file);
    return notFound();
  }
  const size = stat.size;
  const etag = `"${file}"`;
  const headers: Record<string, string> = { ...securityHeaders(), ...AUDIO_HEADERS, ETag: etag };
  if (request.header("if-none-match")?.split(",").some((tag) => tag.trim() === etag)) return { status: 304, headers };

  // A Range with an If-Range naming another version gets the whole file; ours never changes, so only a foreign tag differs.
  const ifRange = request.header("if-range");
  const range = ifRange && ifRange.trim() !== etag ? ({ kind: "full" } as const) : parseByteRange(request.header("range"), size);
  if (range.kind === "unsatisfiable") return { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}`, "Content-Length": "0" } };
  const [status, start, end] = range.kind === "partial" ? ([206, range.start, range.end] as const) : ([200, 0, size - 1] as const);
  headers["Content-Length"] = String(size === 0 ? 0 : end - start + 1);
  if (status === 206) headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
  if (request.method === "HEAD" || size === 0) return { status, headers };
  // A listen starts at the first byte (a seek does not): it keeps the recording from the space bound's cut.
  if (start === 0) noteAudioUse(db, found, now);
  return { status, headers, file: { path: at, start, end } };
}

/** The answer as a web Response (the route handler, the tests). */
export async function serveAudio(request: Request, segment: string, options: ServeAudioOptions = {}): Promise<Response> {
  const answer = await answerAudio({ method: request.method, header: (name) => request.headers.get(name) }, segment, options);
  const body = answer.file
    ? (Readable.toWeb(fs.createReadStream(answer.file.path, { start: answer.file.start, end: answer.file.end })) as ReadableStream<Uint8Array>)
    : request.method === "HEAD"
      ? null
      : (answer.text ?? null);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
