import { jsonReply, staffRequest } from "@/lib/auth/guards";
import { pickableDocuments } from "@/lib/dal/documents/staff";

export const dynamic = "force-dynamic";

/**
 * The "Văn bản liên quan" picker of the writing screen: documents on the site matching what was
 * typed (a number however it is spelt, or words of the summary), through the registry's own search.
 */
export async function GET(request: Request) {
  const checked = await staffRequest(request, "post:create");
  if ("refusal" in checked) return checked.refusal;
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return jsonReply({ items: q.trim() ? await pickableDocuments(q) : [] });
}
