import { sitemapXml } from "@/lib/feeds/documents";
import { XML_CONTENT_TYPE } from "@/lib/feeds/sitemap";

// Rendered on request and kept by the server under the tags of what it shows (lib/server/public-pages.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await sitemapXml(), { headers: { "Content-Type": XML_CONTENT_TYPE } });
}
