import { siteFeedXml } from "@/lib/feeds/documents";
import { RSS_CONTENT_TYPE } from "@/lib/feeds/rss";

// Built once and served from the full-route cache; the reads' tags (home, public) refresh it on any post change.
export const dynamic = "force-static";
export const revalidate = false;

export async function GET() {
  return new Response(await siteFeedXml(), { headers: { "Content-Type": RSS_CONTENT_TYPE } });
}
