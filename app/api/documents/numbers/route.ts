import { jsonReply, staffRequest } from "@/lib/auth/guards";
import { documentHrefsByNumber } from "@/lib/dal/documents/staff";

export const dynamic = "force-dynamic";

const KEYS_MAX = 100;

/**
 * "Liên kết số văn bản" in the editor: for each number key found in the text (`so=65/2023/ND-CP`),
 * the address of the one document on the site with that number; a number several issuing bodies
 * share, or none has, gets no address.
 */
export async function GET(request: Request) {
  const checked = await staffRequest(request, "post:create");
  if ("refusal" in checked) return checked.refusal;
  const keys = [...new Set(new URL(request.url).searchParams.getAll("so"))].filter((k) => k.length <= 100).slice(0, KEYS_MAX);
  return jsonReply({ hrefs: keys.length > 0 ? await documentHrefsByNumber(keys) : {} });
}
