import { categoryFeedResponse } from "@/components/site/views/category-feed";

// Rendered on request and kept by the server under the tags of what it shows (lib/server/public-pages.ts).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return categoryFeedResponse((await params).slug, "vi");
}
