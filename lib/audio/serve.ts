import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import { forgetAudioFile, findPublicAudioFile, noteAudioUse } from "@/lib/dal/audio/public";
import { getDb, type Db } from "@/lib/dal/connection";
import { parseByteRange } from "./byte-range";
import { audioDirectory, audioFilePath } from "./files";
import { audioFileOf } from "./names";

/*
 * GET and HEAD of /audio/<hash>.mp3 (app/audio/[file]/route.ts). The name is the hash of the bytes,
 * so the answer never changes: a year of `immutable` caching, and an ETag that is the name. Served
 * only while a post on the public site names the file: a name alone (from a page copy, a shared
 * link) stops working the moment the post leaves the site. Byte ranges let a player seek.
 */

export const AUDIO_HEADERS = {
  "Content-Type": "audio/mpeg",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "public, max-age=31536000, immutable",
  "Accept-Ranges": "bytes",
} as const;

function notFound(): Response {
  return new Response("Không tìm thấy bản ghi âm.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

export type ServeAudioOptions = { db?: Db; directory?: string; now?: Date };

export async function serveAudio(request: Request, segment: string, options: ServeAudioOptions = {}): Promise<Response> {
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
  const headers: Record<string, string> = { ...AUDIO_HEADERS, ETag: etag };
  if (request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });

  // A Range with an If-Range naming another version gets the whole file; ours never changes, so only a foreign tag differs.
  const ifRange = request.headers.get("if-range");
  const range = ifRange && ifRange.trim() !== etag ? ({ kind: "full" } as const) : parseByteRange(request.headers.get("range"), size);
  if (range.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  }
  const [status, start, end] = range.kind === "partial" ? [206, range.start, range.end] : [200, 0, size - 1];
  headers["Content-Length"] = String(size === 0 ? 0 : end - start + 1);
  if (status === 206) headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
  if (request.method === "HEAD") return new Response(null, { status, headers });
  // A listen starts at the first byte (a seek does not): it keeps the recording from the space bound's cut.
  if (start === 0) noteAudioUse(db, found, now);
  if (size === 0) return new Response(null, { status, headers });
  const stream = fs.createReadStream(at, { start, end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}
