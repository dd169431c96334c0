import "server-only";
import { inArray } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { media } from "@/db/schema";

type Tx = Pick<AppDatabase, "select">;
type Node = { type?: string; attrs?: Record<string, unknown>; content?: Node[] };

function figures(json: unknown): Node[] {
  const found: Node[] = [];
  const walk = (node: Node | undefined, depth: number) => {
    if (!node || typeof node !== "object" || depth > 200) return;
    if (node.type === "figure") found.push(node);
    node.content?.forEach((child) => walk(child, depth + 1));
  };
  walk(json as Node, 0);
  return found;
}

const mediaIdOf = (node: Node) => (typeof node.attrs?.mediaId === "number" ? node.attrs.mediaId : Number(node.attrs?.mediaId) || null);

/**
 * Figures inserted before their image had a description get it from the library at save time,
 * so describing an image once in the library fixes every post that uses it.
 */
export function withLibraryAlts<T>(tx: Tx, body: T): T {
  const missing = figures(body).filter((f) => !String(f.attrs?.alt ?? "").trim() && mediaIdOf(f));
  if (missing.length === 0) return body;
  const ids = [...new Set(missing.map((f) => mediaIdOf(f)!))];
  const alts = new Map(tx.select({ id: media.id, alt: media.alt }).from(media).where(inArray(media.id, ids)).all().map((r) => [r.id, r.alt.trim()]));
  const copy = structuredClone(body);
  for (const figure of figures(copy)) {
    const alt = alts.get(mediaIdOf(figure) ?? -1);
    if (alt && !String(figure.attrs?.alt ?? "").trim()) figure.attrs = { ...figure.attrs, alt };
  }
  return copy;
}

/** What keeps a post from being published for want of image descriptions (alt text), in Vietnamese. */
export function imagesWithoutAlt(body: unknown, featured: { url: string | null; alt: string }): string[] {
  const missing = figures(body)
    .map((f, i) => ({ alt: String(f.attrs?.alt ?? "").trim(), label: `ảnh thứ ${i + 1} trong nội dung` }))
    .filter((f) => !f.alt)
    .map((f) => f.label);
  if (featured.url && !featured.alt.trim()) missing.unshift("ảnh đại diện");
  return missing;
}

export function missingAltMessage(missing: string[]): string {
  return `Chưa xuất bản được: ${missing.join(", ")} chưa có mô tả ảnh (alt) cho người không nhìn thấy ảnh. Hãy nhập mô tả trong Thư viện ảnh rồi lưu lại.`;
}
