import { categoryFeedXml } from "@/lib/feeds/documents";
import { RSS_CONTENT_TYPE } from "@/lib/feeds/rss";
import { getCategoryLookup } from "@/lib/dal/public/posts";
import { isSlugLike } from "@/lib/routing/page-param";

// Rendered on request and kept by the server under the tags of what it shows (lib/server/public-pages.ts).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = isSlugLike(slug) ? await getCategoryLookup(slug) : ({ kind: "missing" } as const);
  if (found.kind === "redirect") {
    // Feed readers subscribed to a renamed category's old address move to the new one for good.
    return new Response(null, { status: 308, headers: { Location: `/chuyen-muc/${found.slug}/rss.xml` } });
  }
  if (found.kind === "missing") {
    return new Response("Không tìm thấy chuyên mục.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(await categoryFeedXml(found.category), { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}
