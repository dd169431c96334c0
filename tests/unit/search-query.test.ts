import { describe, expect, it } from "vitest";
import { buildSearchQuery, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, searchWords } from "@/lib/search/query";

// A MATCH expression the builder may produce: quoted literals of folded words, separated by spaces.
const SAFE_MATCH = /^"[a-z0-9]+(?: [a-z0-9]+)*"(?: "[a-z0-9]+(?: [a-z0-9]+)*")*$/;

describe("buildSearchQuery", () => {
  it("folds case and diacritics, and quotes every word", () => {
    expect(buildSearchQuery("Hội nghị")).toEqual({ terms: ["hoi", "nghi"], phrases: [], match: '"hoi" "nghi"' });
    expect(buildSearchQuery("HỘI NGHỊ").match).toBe('"hoi" "nghi"');
    expect(buildSearchQuery("hoi nghi").match).toBe('"hoi" "nghi"');
  });

  it("folds đ and Đ to d, which the FTS5 tokenizer alone does not", () => {
    expect(buildSearchQuery("Đảng bộ").terms).toEqual(["dang", "bo"]);
    expect(buildSearchQuery("đoàn ĐOÀN").terms).toEqual(["doan"]);
  });

  it("gives the same query for NFC and NFD input", () => {
    const nfc = "Thi đua – Khen thưởng".normalize("NFC");
    expect(buildSearchQuery(nfc.normalize("NFD"))).toEqual(buildSearchQuery(nfc));
  });

  it("keeps quoted words together as a phrase", () => {
    expect(buildSearchQuery('"hội nghị tổng kết" Đảng')).toEqual({
      terms: ["dang"],
      phrases: ["hoi nghi tong ket"],
      match: '"hoi nghi tong ket" "dang"',
    });
  });

  it("accepts typographic quotes for phrases", () => {
    expect(buildSearchQuery("“hội nghị” cục").phrases).toEqual(["hoi nghi"]);
    expect(buildSearchQuery("„hội nghị“").phrases).toEqual(["hoi nghi"]);
  });

  it("treats a quoted single word as a word", () => {
    expect(buildSearchQuery('"cục"')).toEqual({ terms: ["cuc"], phrases: [], match: '"cuc"' });
  });

  it("reads an unbalanced quote as a separator, not as the start of a phrase", () => {
    expect(buildSearchQuery('hội "nghị')).toEqual({ terms: ["hoi", "nghi"], phrases: [], match: '"hoi" "nghi"' });
    expect(buildSearchQuery('"a b" "c d')).toEqual({ terms: ["c", "d"], phrases: ["a b"], match: '"a b" "c" "d"' });
  });

  it.each([
    ['"', null],
    ['""', null],
    ['"""', null],
    ["*", null],
    ["-", null],
    ["^", null],
    [":", null],
    ["()", null],
    ["+", null],
    ["", null],
    ["   \t\n ", null],
    ["… – !? ,.;", null],
    ["🙂🎉", null],
  ])("gives no query for %j", (input, match) => {
    expect(buildSearchQuery(input).match).toBe(match);
  });

  it.each([
    ["hội*", '"hoi"'],
    ["-nghị", '"nghi"'],
    ["^đảng", '"dang"'],
    ["title:x", '"title" "x"'],
    ["(a OR b)", '"a" "or" "b"'],
    ["a AND b", '"a" "and" "b"'],
    ["NOT a", '"not" "a"'],
    ["a NEAR b", '"a" "near" "b"'],
    ["NEAR(", '"near"'],
    ["NEAR(a b, 3)", '"near" "a" "b" "3"'],
    ["a OR", '"a" "or"'],
    ["a + b", '"a" "b"'],
    ['a"b', '"a" "b"'],
    ["{title lead}: x", '"title" "lead" "x"'],
    ["x'; DROP TABLE posts; --", '"x" "drop" "table" "posts"'],
  ])("never lets %j become FTS5 syntax", (input, match) => {
    const query = buildSearchQuery(input);
    expect(query.match).toBe(match);
    expect(query.match).toMatch(SAFE_MATCH);
  });

  it("only ever produces quoted literals, whatever is typed", () => {
    const nasty = ['"', "*", "-", "^", ":", "(", ")", "+", "OR", "AND", "NOT", "NEAR", "NEAR(", "'", "\\", "{", "}", "[", "]", "\u0000", "\u200B", "🙂", "Đ", "ệ", "a", "1"];
    for (let i = 0; i < 500; i++) {
      const input = Array.from({ length: 1 + (i % 9) }, (_, k) => nasty[(i * 7 + k * 13) % nasty.length]).join(i % 2 ? " " : "");
      const { match } = buildSearchQuery(input);
      if (match !== null) expect(match, input).toMatch(SAFE_MATCH);
    }
  });

  it("drops repeated words and phrases", () => {
    expect(buildSearchQuery("hội Hội HOI hoi").terms).toEqual(["hoi"]);
  });

  it(`reads at most ${MAX_QUERY_WORDS} words`, () => {
    const words = Array.from({ length: 30 }, (_, i) => `tu${i}`);
    const query = buildSearchQuery(words.join(" "));
    expect(query.terms).toEqual(words.slice(0, MAX_QUERY_WORDS));
    const phrase = buildSearchQuery(`a b "${words.join(" ")}" c`);
    expect(phrase.terms).toEqual(["a", "b"]);
    expect(phrase.phrases).toEqual([words.slice(0, MAX_QUERY_WORDS - 2).join(" ")]);
  });

  it(`reads at most ${MAX_QUERY_LENGTH} characters`, () => {
    const query = buildSearchQuery("a".repeat(10_000));
    expect(query.terms).toEqual(["a".repeat(MAX_QUERY_LENGTH)]);
    // Cutting never splits a character made of two UTF-16 units.
    const emoji = buildSearchQuery("🙂".repeat(MAX_QUERY_LENGTH - 1) + "xyz");
    expect(emoji.terms).toEqual(["x"]);
  });
});

describe("searchWords", () => {
  it("splits folded text into words as the index tokenizer does", () => {
    expect(searchWords("Thi đua – Khen thưởng, năm 2020!")).toEqual(["thi", "dua", "khen", "thuong", "nam", "2020"]);
    expect(searchWords("Sở\u00A0hữu\u200Btrí")).toEqual(["so", "huutri"]);
  });
});
