/** Shared pieces of the registry tests: registry fields as the form sends them, and documents made through the one save. */
import { sql } from "drizzle-orm";
import { documentTypes } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { saveDocumentFor } from "@/lib/dal/documents/save";
import { documentRegistrySchema, type DocumentRegistry } from "@/lib/validations/document";
import { blankPostText, type ContentFields } from "@/lib/validations/post";
import { db, doc, paragraph, setStatus } from "./posts-world";

export function typeId(slug: string): number {
  return db.select({ id: documentTypes.id }).from(documentTypes).where(sql`${documentTypes.slug} = ${slug}`).get()!.id;
}

/** Registry fields through the form's schema, so what the tests store is what the form could. */
export function registry(overrides: Record<string, unknown> = {}): DocumentRegistry {
  const parsed = documentRegistrySchema.safeParse({
    typeId: typeId("nghi-dinh"),
    number: "65/2023/NĐ-CP",
    issuer: "Chính phủ",
    signer: "Trần Hồng Hà",
    issuedOn: "23/08/2023",
    effectiveFrom: "23/08/2023",
    effectiveUntil: "",
    manualStatus: "",
    fields: ["Sở hữu trí tuệ", "Sở hữu công nghiệp"],
    nationalDatabaseUrl: "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=162347",
    replaces: [],
    amends: [],
    ...overrides,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data as DocumentRegistry;
}

export function content(title: string, note = "Ghi chú về văn bản"): ContentFields {
  return { ...blankPostText(), title, slug: "", slugAuto: true, featuredMediaId: null, featuredCaption: "", keepLegacyImage: false, publishedAt: null, body: doc(paragraph(note)) };
}

export const SUMMARY_65 = "Quy định chi tiết một số điều và biện pháp thi hành Luật Sở hữu trí tuệ về sở hữu công nghiệp";

export function createDocument(actor: Actor, title = SUMMARY_65, overrides: Record<string, unknown> = {}) {
  const result = saveDocumentFor(db, actor, { intent: "create", fields: content(title), registry: registry(overrides) });
  if (!result.ok) throw new Error(result.message);
  return result;
}

export const publish = (id: number, at: Date = new Date(Date.now() - 60_000)) => setStatus(id, "published", at);
