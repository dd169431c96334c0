import { serveAudio } from "@/lib/audio/serve";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

/** A read-aloud recording: immutable, with byte ranges, only while a public post names it (lib/audio/serve.ts). */
export async function GET(request: Request, context: Context) {
  return serveAudio(request, (await context.params).file);
}

export async function HEAD(request: Request, context: Context) {
  return serveAudio(request, (await context.params).file);
}
