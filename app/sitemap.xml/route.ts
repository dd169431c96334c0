import { sitemapXml } from "@/lib/feeds/documents";
import { XML_CONTENT_TYPE } from "@/lib/feeds/sitemap";

// Cached like the pages; every post change queues `home`, which the sitemap's reads carry.
export const dynamic = "force-static";
export const revalidate = false;

export async function GET() {
  return new Response(await sitemapXml(), { headers: { "Content-Type": XML_CONTENT_TYPE } });
}
