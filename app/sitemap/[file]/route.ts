import { sitemapFileXml } from "@/lib/feeds/documents";
import { parseSitemapFileName, XML_CONTENT_TYPE } from "@/lib/feeds/sitemap";

// The child files of a sitemap index (`/sitemap/1.xml`, …), cached like /sitemap.xml.
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseSitemapFileName((await params).file);
  const xml = file === null ? null : await sitemapFileXml(file);
  if (xml === null) return new Response("Không tìm thấy sơ đồ trang.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "Content-Type": XML_CONTENT_TYPE } });
}
