/**
 * Read-aloud recordings (/audio/<hash>.mp3) sent by server.ts itself, before Next: Next drops
 * Content-Length from what route handlers answer, and a player wants the length of the file and of
 * each range it asks for. The answer is lib/audio/serve.ts's, the same as the route's under `next dev`.
 */
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { answerAudio, type ServeAudioOptions } from "@/lib/audio/serve";

const AUDIO_PATH = /^\/audio\/([^/]+)$/;

/** Whether server.ts sends this request here. */
export function isAudioRequest(method: string | undefined, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && AUDIO_PATH.test(pathname);
}

export async function sendAudio(req: IncomingMessage, res: ServerResponse, pathname: string, options: ServeAudioOptions = {}): Promise<void> {
  const segment = AUDIO_PATH.exec(pathname)?.[1] ?? "";
  const answer = await answerAudio({ method: req.method ?? "GET", header: (name) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : null) }, segment, options);
  res.writeHead(answer.status, answer.headers);
  if (req.method === "HEAD" || (!answer.file && !answer.text)) return void res.end();
  if (answer.text) return void res.end(answer.text);
  const { path, start, end } = answer.file!;
  // A reader who goes away mid-file ends the stream; that is not an error.
  await pipeline(fs.createReadStream(path, { start, end }), res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
  });
}
