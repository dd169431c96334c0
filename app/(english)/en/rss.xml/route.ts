import { siteFeedXml } from "@/lib/feeds/documents";
import { RSS_CONTENT_TYPE } from "@/lib/feeds/rss";

// Rendered on request and kept by the server under the tags of what it shows (lib/server/public-pages.ts).
export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await siteFeedXml("en"), { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}
