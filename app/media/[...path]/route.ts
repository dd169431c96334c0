import fs from "node:fs/promises";
import { resolveMediaPath } from "@/lib/media/store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/** Serves re-encoded renditions. Names are content hashes, so a file never changes: cache it for a year. */
export async function GET(_request: Request, context: Context) {
  const { path } = await context.params;
  const resolved = resolveMediaPath(path.join("/"));
  if (!resolved) return new Response("Không tìm thấy ảnh.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  try {
    const data = await fs.readFile(resolved.file);
    return new Response(new Uint8Array(data), {
      headers: {
        "Content-Type": resolved.contentType,
        "Content-Length": String(data.byteLength),
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch {
    return new Response("Không tìm thấy ảnh.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
