import { revalidateTag } from "next/cache";
import { z } from "zod";
import { isRevalidateSecret } from "@/lib/cache/revalidate-secret";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(250)).min(1).max(2000) });

/** Called by this server's own invalidation poller (see lib/cache/poller.ts); the secret never leaves the process. */
export async function POST(request: Request) {
  if (!isRevalidateSecret(request.headers.get("x-cms-revalidate"))) {
    return Response.json({ error: "Không có quyền." }, { status: 403 });
  }
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Yêu cầu không hợp lệ." }, { status: 400 });
  // Expire at once: a reader must never be served an unpublished or deleted post again.
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: parsed.data.tags.length });
}
