import fs from "node:fs";
import { Readable } from "node:stream";
import { answerAttachment } from "@/lib/documents/download";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; name: string }> };

/** A document's file (lib/documents/download.ts); `npm start` answers these before Next (lib/server/attachment-files.ts) to keep Content-Length. */
async function answer(request: Request, context: Context, head: boolean) {
  const url = new URL(request.url);
  const found = answerAttachment((await context.params).id, url.searchParams, request.headers.get("if-none-match"));
  if (found.text !== undefined) return new Response(found.text, { status: found.status, headers: found.headers });
  if (head || !found.file) return new Response(null, { status: found.status, headers: found.headers });
  return new Response(Readable.toWeb(fs.createReadStream(found.file)) as ReadableStream, { status: found.status, headers: found.headers });
}

export const GET = (request: Request, context: Context) => answer(request, context, false);
export const HEAD = (request: Request, context: Context) => answer(request, context, true);
