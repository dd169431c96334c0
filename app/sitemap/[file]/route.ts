import { sitemapFileXml } from "@/lib/feeds/documents";
import { parseSitemapFileName, XML_CONTENT_TYPE } from "@/lib/feeds/sitemap";

// Rendered on request and kept by the server under the tags of what it shows (lib/server/public-pages.ts).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseSitemapFileName((await params).file);
  const xml = file === null ? null : await sitemapFileXml(file);
  if (xml === null) return new Response("Không tìm thấy sơ đồ trang.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "Content-Type": XML_CONTENT_TYPE } });
}
