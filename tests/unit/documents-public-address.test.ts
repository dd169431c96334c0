import { describe, expect, it } from "vitest";
import { saveDocumentFor } from "@/lib/dal/documents/save";
import { resolveAddress } from "@/lib/dal/public/addresses";
import { readRegistryForm, registryHref } from "@/lib/documents/registry-params";
import { db, editor, row } from "./helpers/posts-world";
import { content, createDocument, publish, registry, SUMMARY_65 } from "./helpers/documents-world";

describe("registry addresses", () => {
  it("are a page while the document is public, a redirect from its old number, and missing otherwise", () => {
    const created = createDocument(editor);
    expect(resolveAddress(db, "/van-ban/65-2023-nd-cp")).toEqual({ kind: "missing" });
    publish(created.id);
    expect(resolveAddress(db, "/van-ban/65-2023-nd-cp")).toEqual({ kind: "page" });
    saveDocumentFor(db, editor, { intent: "save", id: created.id, version: row(created.id).version, fields: content(SUMMARY_65), registry: registry({ number: "65/2024/NĐ-CP" }) });
    expect(resolveAddress(db, "/van-ban/65-2023-nd-cp")).toEqual({ kind: "redirect", location: "/van-ban/65-2024-nd-cp" });
    for (const path of ["/van-ban/65-2024-nd-cp/x", "/van-ban/CHU-HOA", "/van-ban/khong-co"]) expect(resolveAddress(db, path), path).toEqual({ kind: "missing" });
    expect(resolveAddress(db, "/van-ban")).toEqual({ kind: "other" });
    expect(resolveAddress(db, "/van-ban/rss.xml")).toEqual({ kind: "other" });
  });

  it("read and write the registry's query string, dropping what is malformed", () => {
    expect(readRegistryForm({ q: " 65/2023 ", loai: "nghi-dinh", "co-quan": "Chính phủ", nam: "2023", "tinh-trang": "in_force", trang: "2" })).toEqual({
      q: "65/2023",
      type: "nghi-dinh",
      issuer: "Chính phủ",
      field: undefined,
      year: 2023,
      status: "in_force",
      page: 2,
    });
    expect(readRegistryForm({ loai: "<script>", nam: "20x3", "tinh-trang": "valid", trang: "-1" })).toEqual({ q: "", type: undefined, issuer: undefined, field: undefined, year: undefined, status: undefined, page: 1 });
    expect(registryHref({ q: "65 2023", type: "nghi-dinh" }, 2)).toBe("/van-ban?q=65+2023&loai=nghi-dinh&trang=2");
    expect(registryHref({ q: "" })).toBe("/van-ban");
  });
});
