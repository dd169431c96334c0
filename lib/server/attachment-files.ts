/**
 * Documents' files (/tep/<id>/<name>) sent by server.ts itself, before Next: Next drops
 * Content-Length from route handlers' answers, and a reader's browser shows a download's progress
 * from it. The answer is lib/documents/download.ts's, the same as the route's under `next dev`.
 */
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { answerAttachment } from "@/lib/documents/download";

const ATTACHMENT_PATH = /^\/tep\/([^/]+)\/[^/]+$/;

export function isAttachmentRequest(method: string | undefined, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && ATTACHMENT_PATH.test(pathname);
}

export async function sendAttachment(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const id = ATTACHMENT_PATH.exec(pathname)?.[1] ?? "";
  const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
  const ifNoneMatch = typeof req.headers["if-none-match"] === "string" ? req.headers["if-none-match"] : null;
  const answer = answerAttachment(id, query, ifNoneMatch);
  res.writeHead(answer.status, answer.headers);
  if (req.method === "HEAD" || !answer.file) return void res.end(req.method === "HEAD" ? undefined : answer.text);
  // A reader who goes away mid-file ends the stream; that is not an error.
  await pipeline(fs.createReadStream(answer.file), res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
  });
}
