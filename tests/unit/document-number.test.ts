import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildDocumentNumberQuery,
  documentNumberKey,
  documentNumberSearchText,
  documentNumberTokens,
  findDocumentNumbers,
  matchesDocumentNumber,
  parseDocumentNumber,
  type DocumentNumber,
} from "@/lib/documents/number";

const parse = (text: string): DocumentNumber => {
  const number = parseDocumentNumber(text);
  if (!number) throw new Error(`not parsed: ${text}`);
  return number;
};

describe("parseDocumentNumber", () => {
  it.each([
    ["65/2023/NĐ-CP", { display: "65/2023/NĐ-CP", serial: "65", year: 2023, symbol: "NĐ-CP", formCode: "NĐ", issuerCode: "CP", key: "65/2023/ND-CP" }],
    ["23/2023/TT-BKHCN", { display: "23/2023/TT-BKHCN", serial: "23", year: 2023, symbol: "TT-BKHCN", formCode: "TT", issuerCode: "BKHCN", key: "23/2023/TT-BKHCN" }],
    ["1234/QĐ-SHTT", { display: "1234/QĐ-SHTT", serial: "1234", year: null, symbol: "QĐ-SHTT", formCode: "QĐ", issuerCode: "SHTT", key: "1234/QD-SHTT" }],
    ["12/2024/QH15", { display: "12/2024/QH15", serial: "12", year: 2024, symbol: "QH15", formCode: null, issuerCode: "QH15", key: "12/2024/QH15" }],
    ["05/CT-TTg", { display: "05/CT-TTg", serial: "05", year: null, symbol: "CT-TTg", formCode: "CT", issuerCode: "TTg", key: "5/CT-TTG" }],
    ["145/TB-VPCP", { display: "145/TB-VPCP", serial: "145", year: null, symbol: "TB-VPCP", formCode: "TB", issuerCode: "VPCP", key: "145/TB-VPCP" }],
    ["01/2019/TTLT-BKHCN-BTC", { formCode: "TTLT", issuerCode: "BKHCN-BTC", key: "1/2019/TTLT-BKHCN-BTC" }],
    ["123/SHTT-VP", { formCode: null, issuerCode: "SHTT-VP", year: null, key: "123/SHTT-VP" }],
    ["35-NQ/TW", { display: "35-NQ/TW", serial: "35", year: null, symbol: "NQ/TW", formCode: "NQ", issuerCode: "TW", key: "35-NQ/TW" }],
    ["15a/QĐ-SHTT", { serial: "15a", key: "15A/QD-SHTT" }],
  ])("%s", (text, expected) => {
    expect(parseDocumentNumber(text)).toMatchObject(expected);
  });

  it("gives one key and one display to every way of typing the same number", () => {
    const spellings = [
      "65/2023/NĐ-CP",
      "65/2023/nđ-cp",
      "65/2023/ND-CP",
      "65/2023/NĐ–CP", // en dash
      "65/2023/NĐ—CP", // em dash
      "65/2023/NĐ\u2212CP", // minus sign
      " 65 / 2023 / NĐ - CP ",
      "Số: 65/2023/NĐ-CP",
      "số 65/2023/NĐ-CP",
      "65/2023/N\u0110-CP".normalize("NFD"),
      "65\u200B/2023/NĐ-CP", // a zero-width space pasted from Word
      "065/2023/NĐ-CP",
    ];
    for (const spelling of spellings) {
      expect(parseDocumentNumber(spelling), spelling).toMatchObject({ key: "65/2023/ND-CP" });
    }
    expect(new Set(spellings.slice(0, -1).map((s) => parse(s).display))).toEqual(new Set(["65/2023/NĐ-CP"]));
    expect(documentNumberKey("5/CT-TTG")).toBe(documentNumberKey("05/CT-TTg"));
    expect(parse("05/ct-ttg").display).toBe("05/CT-TTg");
  });

  it("keeps different numbers apart", () => {
    const keys = ["65/2023/NĐ-CP", "65/2022/NĐ-CP", "66/2023/NĐ-CP", "65/2023/TT-BKHCN", "65/NĐ-CP", "65-NĐ/CP"].map(documentNumberKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(["", "abc", "65", "65/2023", "65/2023/", "/2023/NĐ-CP", "65/1800/NĐ-CP", "65/2023/NĐ-", "65/2023/-CP", "65/2023/NĐ CP", "31/12/2020", "50/50"])(
    "refuses %j",
    (text) => {
      expect(parseDocumentNumber(text)).toBeNull();
    },
  );
});

// Documents the search index holds in these tests, and the loose queries that must and must not find them.
const NUMBERS = ["65/2023/NĐ-CP", "23/2023/TT-BKHCN", "1234/QĐ-SHTT", "12/2024/QH15", "05/CT-TTg", "145/TB-VPCP", "50/2005/QH11", "103/2006/NĐ-CP", "35-NQ/TW"];

const MUST_MATCH: Array<[string, string]> = [
  ["65/2023", "65/2023/NĐ-CP"],
  ["65 2023 nd cp", "65/2023/NĐ-CP"],
  ["ND-CP 65", "65/2023/NĐ-CP"],
  ["nđ-cp 65/2023", "65/2023/NĐ-CP"],
  ["65/2023/NĐ-CP", "65/2023/NĐ-CP"],
  ["Nghị định 65/2023", "65/2023/NĐ-CP"],
  ["nghi dinh so 65", "65/2023/NĐ-CP"],
  ["NĐCP 65", "65/2023/NĐ-CP"],
  ["65/2023NĐ-CP", "65/2023/NĐ-CP"],
  ["2023 65", "65/2023/NĐ-CP"],
  ["23/2023/TT-BKHCN", "23/2023/TT-BKHCN"],
  ["thông tư 23/2023", "23/2023/TT-BKHCN"],
  ["tt bkhcn 23", "23/2023/TT-BKHCN"],
  ["1234/QĐ-SHTT", "1234/QĐ-SHTT"],
  ["qd shtt 1234", "1234/QĐ-SHTT"],
  ["quyết định 1234", "1234/QĐ-SHTT"],
  ["12/2024/QH15", "12/2024/QH15"],
  ["qh15 12", "12/2024/QH15"],
  ["QH 15 12/2024", "12/2024/QH15"],
  ["05/CT-TTg", "05/CT-TTg"],
  ["5/CT-TTg", "05/CT-TTg"],
  ["ct ttg 05", "05/CT-TTg"],
  ["chỉ thị 5", "05/CT-TTg"],
  ["145 tb vpcp", "145/TB-VPCP"],
  ["luật 50/2005", "50/2005/QH11"],
  ["Luật số 50/2005/QH11", "50/2005/QH11"],
  ["35-NQ/TW", "35-NQ/TW"],
  ["nghị quyết 35 tw", "35-NQ/TW"],
];

const MUST_NOT_MATCH: Array<[string, string]> = [
  ["65/2024", "65/2023/NĐ-CP"],
  ["66/2023", "65/2023/NĐ-CP"],
  ["6/2023", "65/2023/NĐ-CP"],
  ["652023", "65/2023/NĐ-CP"],
  ["65/2023/TT-BKHCN", "65/2023/NĐ-CP"],
  ["thông tư 65/2023", "65/2023/NĐ-CP"],
  ["qd 65", "65/2023/NĐ-CP"],
  ["65 2023 nd cp bkhcn", "65/2023/NĐ-CP"],
  ["23/2023/TT-BTC", "23/2023/TT-BKHCN"],
  ["1234/QĐ-BKHCN", "1234/QĐ-SHTT"],
  ["123/QĐ-SHTT", "1234/QĐ-SHTT"],
  ["12/2024/QH14", "12/2024/QH15"],
  ["qh 14 12", "12/2024/QH15"],
  ["ct ttg 50", "05/CT-TTg"],
  ["ct ttg 0", "05/CT-TTg"],
  ["103/2006/NĐ-CP", "65/2023/NĐ-CP"],
  ["hội nghị", "65/2023/NĐ-CP"],
  ["", "65/2023/NĐ-CP"],
  ["  / - ", "65/2023/NĐ-CP"],
];

describe("loose number matching", () => {
  it.each(MUST_MATCH)("%j finds %s", (query, number) => {
    expect(matchesDocumentNumber(query, parse(number))).toBe(true);
  });

  it.each(MUST_NOT_MATCH)("%j does not find %s", (query, number) => {
    expect(matchesDocumentNumber(query, parse(number))).toBe(false);
  });

  it("stores the serial without leading zeros, the codes apart and run together", () => {
    expect(documentNumberSearchText(parse("65/2023/NĐ-CP"))).toBe("65 2023 nd cp ndcp");
    expect(documentNumberTokens(parse("05/CT-TTg"))).toEqual(["05", "5", "ct", "ttg", "ctttg"]);
    expect(documentNumberTokens(parse("12/2024/QH15"))).toEqual(["12", "2024", "qh15", "qh", "15"]);
  });

  it("builds an FTS5 condition on the number column from quoted literals only", () => {
    expect(buildDocumentNumberQuery("nđ-cp 65/2023")).toEqual({
      tokens: ["nd", "cp", "65", "2023"],
      key: null,
      match: 'number : ("nd" "cp" "65" "2023")',
    });
    expect(buildDocumentNumberQuery('65" OR * NEAR(', "so_ky_hieu").match).toBe('so_ky_hieu : ("65" "or" "near")');
    expect(buildDocumentNumberQuery("  ").match).toBeNull();
    expect(() => buildDocumentNumberQuery("65", "number) OR (x")).toThrow();
  });

  it("gives the canonical key when the query is one whole number, for an exact lookup", () => {
    expect(buildDocumentNumberQuery("65/2023/nđ-cp").key).toBe("65/2023/ND-CP");
    expect(buildDocumentNumberQuery("Nghị định số 65/2023/NĐ-CP").key).toBe("65/2023/ND-CP");
    expect(buildDocumentNumberQuery("65/2023").key).toBeNull();
    expect(buildDocumentNumberQuery("65/2023/NĐ-CP và 23/2023/TT-BKHCN").key).toBeNull();
  });

  describe("in SQLite FTS5, as the registry search will run it", () => {
    const db = new Database(":memory:");
    afterAll(() => db.close());
    db.exec("CREATE VIRTUAL TABLE docs_fts USING fts5(number, summary)");
    const insert = db.prepare("INSERT INTO docs_fts (rowid, number, summary) VALUES (?, ?, ?)");
    NUMBERS.forEach((number, i) => insert.run(i + 1, documentNumberSearchText(parse(number)), "nd cp 65 2023 hội nghị trích yếu"));
    const search = db.prepare("SELECT rowid FROM docs_fts WHERE docs_fts MATCH ? ORDER BY rowid");
    const found = (query: string) =>
      (search.all(buildDocumentNumberQuery(query).match) as Array<{ rowid: number }>).map((row) => NUMBERS[row.rowid - 1]);

    it("finds exactly the numbers the JavaScript matcher finds, never through the summary column", () => {
      for (const [query] of [...MUST_MATCH, ...MUST_NOT_MATCH].filter(([q]) => buildDocumentNumberQuery(q).match)) {
        const expected = NUMBERS.filter((number) => matchesDocumentNumber(query, parse(number)));
        expect(found(query), query).toEqual(expected);
      }
      expect(found("65 2023 nd cp")).toEqual(["65/2023/NĐ-CP"]);
      expect(found("nd cp")).toEqual(["65/2023/NĐ-CP", "103/2006/NĐ-CP"]);
    });
  });
});

describe("findDocumentNumbers", () => {
  it("returns the ranges of the numbers in a post's text", () => {
    const text =
      "Theo Nghị định số 65/2023/NĐ-CP và Thông tư số 23/2023/TT-BKHCN, Cục ban hành Quyết định 1234/QĐ–SHTT; Luật 50/2005/QH11 (sửa đổi năm 2022). Chỉ thị 05-CT/TW.";
    const found = findDocumentNumbers(text);
    expect(found.map((f) => f.text)).toEqual(["65/2023/NĐ-CP", "23/2023/TT-BKHCN", "1234/QĐ–SHTT", "50/2005/QH11", "05-CT/TW"]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found[2]!.number.display).toBe("1234/QĐ-SHTT");
    expect(found[0]!.start).toBe(text.indexOf("65/2023"));
  });

  it("counts offsets in UTF-16 units, as String.slice and ProseMirror do, after emoji and decomposed letters", () => {
    const text = "👍 Nghi\u0323 đi\u0323nh 65/2023/NĐ-CP.";
    const [hit] = findDocumentNumbers(text);
    expect(text.slice(hit!.start, hit!.end)).toBe("65/2023/NĐ-CP");
  });

  it.each([
    "ngày 31/12/2020 và 01/01/2021",
    "tỷ lệ 50/50, phục vụ 24/7",
    "xem https://vbpl.vn/65/2023/ND-CP/toanvan",
    "tệp C:/65/2023/ND-CP",
    "chống dịch COVID-19 trong 3/4 số tỉnh",
    "mã 65/2023/nd-cp viết thường",
    "mục 3/A của phụ lục",
    "phiên bản v1.65/2023/ND-CP",
  ])("finds nothing in %j", (text) => {
    expect(findDocumentNumbers(text)).toEqual([]);
  });
});
