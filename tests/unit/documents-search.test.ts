import { describe, expect, it } from "vitest";
import { searchRegistry } from "@/lib/dal/documents/search";
import { refreshValidityOnNewDay } from "@/lib/dal/documents/validity-day";
import { db, editor, tags } from "./helpers/posts-world";
import { createDocument, publish, SUMMARY_65, typeId } from "./helpers/documents-world";

function seedRegistry() {
  const decree = createDocument(editor, SUMMARY_65);
  const circular = createDocument(editor, "Quy định thủ tục xác lập quyền sở hữu công nghiệp", {
    typeId: typeId("thong-tu"),
    number: "23/2023/TT-BKHCN",
    issuer: "Bộ Khoa học và Công nghệ",
    issuedOn: "30/11/2023",
    effectiveFrom: "15/01/2024",
    fields: ["Sở hữu công nghiệp"],
  });
  const law = createDocument(editor, "Luật Sở hữu trí tuệ", { typeId: typeId("luat"), number: "50/2005/QH11", issuer: "Quốc hội", issuedOn: "29/11/2005", effectiveFrom: "01/07/2006", manualStatus: "partly_expired", fields: ["Sở hữu trí tuệ"] });
  const draft = createDocument(editor, "Dự thảo chưa đăng về sở hữu trí tuệ", { number: "70/2023/NĐ-CP", issuedOn: "01/09/2023" });
  // On the site since before the dates the status tests look at.
  [decree, circular, law].forEach((d) => publish(d.id, new Date("2023-12-01T00:00:00Z")));
  return { decree, circular, law, draft };
}

const numbers = (q: Parameters<typeof searchRegistry>[1], now?: Date) => searchRegistry(db, q, now).items.map((i) => i.number);

describe("the public registry search", () => {
  it("finds a document by its number typed loosely, and nothing for a number that is not there", () => {
    seedRegistry();
    for (const q of ["65/2023", "65 2023 nd cp", "ND-CP 65", "nđ-cp 65/2023", "Nghị định 65/2023", "65/2023/NĐ-CP"]) expect(numbers({ q }), q).toEqual(["65/2023/NĐ-CP"]);
    expect(numbers({ q: "23/2023/TT-BKHCN" })).toEqual(["23/2023/TT-BKHCN"]);
    expect(numbers({ q: "6/2023" })).toEqual([]);
    // Drafts are not on the site, whatever matches.
    expect(numbers({ q: "70/2023" })).toEqual([]);
  });

  it("finds words of the summary and the note without diacritics, newest issued first", () => {
    seedRegistry();
    expect(numbers({ q: "so huu cong nghiep" })).toEqual(["23/2023/TT-BKHCN", "65/2023/NĐ-CP"]);
    expect(numbers({ q: "SỞ HỮU TRÍ TUỆ" })).toEqual(["65/2023/NĐ-CP", "50/2005/QH11"]);
    expect(numbers({ q: "ghi chu" })).toHaveLength(3);
    expect(numbers({ q: "\"NEAR(\" OR *" })).toEqual([]);
  });

  it("narrows by type, issuing body, field, year and status, and counts each facet without its own filter", () => {
    seedRegistry();
    const now = new Date("2024-06-01T00:00:00Z");
    expect(numbers({ type: "thong-tu" }, now)).toEqual(["23/2023/TT-BKHCN"]);
    expect(numbers({ issuer: "Quốc hội" }, now)).toEqual(["50/2005/QH11"]);
    expect(numbers({ field: "so-huu-cong-nghiep" }, now)).toEqual(["23/2023/TT-BKHCN", "65/2023/NĐ-CP"]);
    expect(numbers({ year: 2023 }, now)).toEqual(["23/2023/TT-BKHCN", "65/2023/NĐ-CP"]);
    expect(numbers({ status: "partly_expired" }, now)).toEqual(["50/2005/QH11"]);
    const result = searchRegistry(db, { year: 2023 }, now);
    expect(result.facets.year).toEqual([
      { value: "2023", label: "2023", count: 2 },
      { value: "2005", label: "2005", count: 1 },
    ]);
    expect(result.facets.type.map((t) => [t.value, t.count])).toEqual([["nghi-dinh", 1], ["thong-tu", 1]]);
    expect(result.facets.status.map((s) => [s.value, s.count])).toEqual([["in_force", 2]]);
    // Before the circular takes effect it is counted as not yet effective.
    expect(searchRegistry(db, {}, new Date("2023-12-20T00:00:00Z")).facets.status.map((s) => [s.value, s.count])).toEqual([["not_yet_effective", 1], ["in_force", 1], ["partly_expired", 1]]);
  });

  it("counts each facet of a search with words as choosing that value would find, a chosen facet keeping the others' counts", () => {
    seedRegistry();
    const now = new Date("2024-06-01T00:00:00Z");
    const filterOf = (facet: string, value: string) => (facet === "year" ? { year: Number(value) } : { [facet]: value });
    for (const q of ["so huu", "sở hữu trí tuệ"]) {
      const all = searchRegistry(db, { q }, now);
      expect(all.total).toBeGreaterThan(0);
      for (const [facet, values] of Object.entries(all.facets)) {
        expect(values.length, `${q}: ${facet}`).toBeGreaterThan(0);
        for (const { value, count } of values as { value: string; count: number }[]) {
          expect(searchRegistry(db, { q, ...filterOf(facet, value) }, now).total, `${q}: ${facet}=${value}`).toBe(count);
        }
      }
      // With a type chosen, the type facet still counts every type the words find.
      const narrowed = searchRegistry(db, { q, type: "thong-tu" }, now);
      expect(narrowed.facets.type).toEqual(all.facets.type);
      expect(narrowed.facets.year.reduce((sum, y) => sum + y.count, 0)).toBe(narrowed.total);
    }
    expect(searchRegistry(db, { q: "so huu" }, now).facets.type.map((t) => t.value)).toEqual(["luat", "nghi-dinh", "thong-tu"].filter((v) => searchRegistry(db, { q: "so huu", type: v }, now).total > 0));
  });

  it("pages by 20, a page past the end showing the last page", () => {
    for (let i = 1; i <= 25; i++) publish(createDocument(editor, `Quyết định số ${i}`, { typeId: typeId("quyet-dinh"), number: `${i}/QĐ-SHTT`, issuer: "Cục Sở hữu trí tuệ", issuedOn: `${String((i % 28) + 1).padStart(2, "0")}/01/2024`, effectiveFrom: "" }).id);
    const second = searchRegistry(db, { page: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 25 });
    expect(second.items).toHaveLength(5);
    expect(searchRegistry(db, { page: 99 }).page).toBe(2);
  });
});

describe("the daily refresh of statuses", () => {
  it("queues the registry's pages once per Vietnam day", () => {
    // 16:59 UTC is 23:59 in Vietnam; 17:00 UTC is the next day there.
    expect(refreshValidityOnNewDay(db, new Date("2024-03-10T16:59:00Z"))).toBe(true);
    expect(refreshValidityOnNewDay(db, new Date("2024-03-10T10:00:00Z"))).toBe(false);
    expect(refreshValidityOnNewDay(db, new Date("2024-03-10T17:00:00Z"))).toBe(true);
    expect(tags().filter((t) => t === "documents")).toHaveLength(2);
  });
});
