/**
 * A UTF-16 surrogate without its other half: JSON can carry one (`"\ud800"`), but it is not a
 * character, and SQLite would store it as U+FFFD without a word. Input holding one is refused.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether any string in a JSON value (keys included) holds a lone surrogate. */
export function hasLoneSurrogate(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return LONE_SURROGATE.test(value);
  if (!value || typeof value !== "object" || depth > 500) return false;
  if (Array.isArray(value)) return value.some((item) => hasLoneSurrogate(item, depth + 1));
  return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item, depth + 1));
}

export type StrictJson = { ok: true; value: unknown } | { ok: false; problem: "not-utf8" | "lone-surrogate" | "not-json" };

/**
 * A request's JSON body, read strictly: bytes that are not UTF-8 and strings with half a character
 * are reported instead of turning into U+FFFD (what `request.json()` does without a word).
 */
export async function readStrictJson(request: Request): Promise<StrictJson> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await request.arrayBuffer());
  } catch {
    return { ok: false, problem: "not-utf8" };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  return hasLoneSurrogate(value) ? { ok: false, problem: "lone-surrogate" } : { ok: true, value };
}
