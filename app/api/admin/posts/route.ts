import { z } from "zod";
import { jsonError, staffRequest, jsonReply } from "@/lib/auth/guards";
import { savePost } from "@/lib/dal/posts";
import { readStrictJson } from "@/lib/security/unicode";
import { createPostSchema } from "@/lib/validations/post";
import { POST_FORM_MAX_BYTES } from "@/lib/validations/request-limits";

export const dynamic = "force-dynamic";

const JSON_PROBLEMS = {
  "not-utf8": "Dữ liệu gửi lên có ký tự không hợp lệ (không phải văn bản UTF-8).",
  "lone-surrogate": "Dữ liệu gửi lên có ký tự không hợp lệ (nửa cặp ký tự UTF-16).",
  "not-json": "Dữ liệu gửi lên không phải JSON hợp lệ.",
} as const;

const error = (message: string, status: number, field?: string) => jsonError(message, status, field ? { field } : {});

// The JSON a script sends; its fields are handed to the post form's own rules, so both accept the same drafts.
const requestSchema = z.object({
  title: z.string().optional(),
  categoryId: z.union([z.number(), z.string()]).optional(),
  lead: z.string().optional(),
  source: z.string().optional(),
  slug: z.string().optional(),
  body: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Creates a draft from JSON (`{ title, categoryId, lead?, source?, slug?, body? }`, body being the
 * editor's document), for automation and the durability test. Same checks as the post form (the
 * staff routes' origin, session and permission, the form's validation, the data layer's own).
 */
export async function POST(request: Request) {
  const checked = await staffRequest(request, "post:create");
  if ("refusal" in checked) return checked.refusal;
  // server.ts enforces it while the body streams in; this covers `next dev`, which does not go through it.
  if (Number(request.headers.get("content-length") ?? 0) > POST_FORM_MAX_BYTES) return error("Dữ liệu gửi lên quá lớn.", 413);

  const json = await readStrictJson(request);
  if (!json.ok) return error(JSON_PROBLEMS[json.problem], 400);
  const input = requestSchema.safeParse(json.value);
  if (!input.success) return error("Dữ liệu gửi lên không đúng định dạng bài viết.", 400);
  const { title, categoryId, lead, source, slug, body } = input.data;
  const fields = createPostSchema.safeParse({
    title,
    categoryId: categoryId === undefined ? undefined : String(categoryId),
    lead,
    source,
    slug: slug ?? "",
    slugAuto: slug ? undefined : "1",
    body: body ? JSON.stringify(body) : "",
  });
  if (!fields.success) {
    const issue = fields.error.issues[0]!;
    return error(issue.message, 400, String(issue.path[0] ?? ""));
  }
  const result = await savePost({ intent: "create", fields: fields.data });
  if (!result.ok) return error(result.message, result.denied ? 403 : 400, result.field);
  return jsonReply({ id: result.id, version: result.version, slug: result.slug }, 201);
}
