import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "@/lib/i18n/dictionary";
import { formatEnglishDateLine } from "@/lib/i18n/date-line";
import { READER_WORDS } from "@/lib/i18n/reader-words";
import { categoryHref, homeListingHref, languageOfPath, newsHref, pageHref, ROUTES } from "@/lib/i18n/routes";
import { KINDS } from "@/lib/content/kinds";
import { readSearchForm, searchHref } from "@/lib/search/params";

type Tree = { [key: string]: unknown };

/** Every key path of a dictionary, with what kind of value it holds ("string" or "function"). */
function shape(value: unknown, at = ""): Record<string, string> {
  if (typeof value === "string" || typeof value === "function") return { [at]: typeof value };
  return Object.assign({}, ...Object.entries(value as Tree).map(([key, inner]) => shape(inner, at ? `${at}.${key}` : key)));
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") return [];
  return Object.values(value as Tree).flatMap(strings);
}

// Letters only Vietnamese uses: an English word never has them.
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýõ]/i;

describe("the dictionaries", () => {
  it("have every key in both languages, of the same kind, none empty", () => {
    expect(shape(DICTIONARIES.en)).toEqual(shape(DICTIONARIES.vi));
    for (const dictionary of Object.values(DICTIONARIES)) for (const word of strings(dictionary)) expect(word.trim()).not.toBe("");
  });

  it("the English one has no Vietnamese word, except the name of the Vietnamese site on the switcher", () => {
    const english = strings({ ...DICTIONARIES.en, switchTo: {} });
    expect(english.filter((word) => VIETNAMESE_LETTERS.test(word))).toEqual([]);
    expect(DICTIONARIES.en.switchTo.label).toBe("Tiếng Việt");
    // Its functions' words too.
    const en = DICTIONARIES.en;
    const made = [en.site.description("Office"), en.home.allOfCategory("News"), en.search.found("3", "“x”", false), en.reader.positionText(130, 365), en.reader.listenTo(61), en.reader.downloadFull(1_468_006, 365)];
    expect(made.filter((word) => VIETNAMESE_LETTERS.test(word))).toEqual([]);
  });

  it("the page script's words are the dictionaries' own", () => {
    expect(READER_WORDS.vi).toBe(DICTIONARIES.vi.reader);
    expect(READER_WORDS.en).toBe(DICTIONARIES.en.reader);
    expect(READER_WORDS.en.textSize).toBe("Text size");
    expect(READER_WORDS.en.play.idle).toBe("Listen");
    expect(READER_WORDS.en.contrast).toBe("Contrast");
  });

  it("say durations, sizes and counts the English way", () => {
    expect(READER_WORDS.en.spokenDuration(365)).toBe("6 minutes 5 seconds");
    expect(READER_WORDS.en.spokenDuration(61)).toBe("1 minute 1 second");
    expect(READER_WORDS.en.fileSize(1_468_006)).toBe("1.5 MB");
    expect(READER_WORDS.vi.fileSize(1_468_006)).toBe("1,5 MB");
    expect(DICTIONARIES.en.search.found("1", "“x”", false)).toBe("1 article found for “x”");
    expect(DICTIONARIES.en.search.found("1,000", "“x”", true)).toBe("More than 1,000 articles found for “x”");
  });

  it("say a broad search's capped count as a lower bound in Vietnamese too, and an exact one plainly", () => {
    expect(DICTIONARIES.vi.search.found("1.000", "“hội nghị”", true)).toBe("Tìm thấy hơn 1.000 bài viết cho “hội nghị”");
    expect(DICTIONARIES.vi.search.found("3", "“hội nghị”", false)).toBe("Tìm thấy 3 bài viết cho “hội nghị”");
  });
});

describe("the English date line", () => {
  it("is `Thu, 31/12/2020 | 17:12` in Vietnam time, whatever the server's zone", () => {
    expect(formatEnglishDateLine(new Date("2020-12-31T10:12:00Z"))).toBe("Thu, 31/12/2020 | 17:12");
    // 23:30 UTC on a Saturday is already Sunday morning in Vietnam.
    expect(formatEnglishDateLine(new Date("2017-08-19T23:30:00Z"))).toBe("Sun, 20/08/2017 | 06:30");
    expect(formatEnglishDateLine(new Date("2020-06-19T04:39:00Z"))).toBe("Fri, 19/06/2020 | 11:39");
    expect(DICTIONARIES.vi.dateLine(new Date("2020-12-31T10:12:00Z"))).toBe("Th 5, 31/12/2020 | 17:12 CH");
    expect(DICTIONARIES.en.footer.timeZone).toContain("GMT+7");
  });
});

describe("the two sites' addresses", () => {
  it("are the Vietnamese ones at the root and the English ones under /en", () => {
    expect(languageOfPath("/")).toBe("vi");
    expect(languageOfPath("/tin-tuc/x")).toBe("vi");
    expect(languageOfPath("/en")).toBe("en");
    expect(languageOfPath("/en/news/x")).toBe("en");
    expect(languageOfPath("/english-page")).toBe("vi");
    expect(newsHref("a", "vi")).toBe("/tin-tuc/a");
    expect(newsHref("a", "en")).toBe("/en/news/a");
    expect(KINDS.post.href("a", "en")).toBe("/en/news/a");
    expect(KINDS.page.href("about/team", "en")).toBe("/en/about/team");
    expect(pageHref("gioi-thieu", "vi")).toBe("/gioi-thieu");
    expect(categoryHref("events", "en", 3)).toBe("/en/category/events/page/3");
    expect(categoryHref("su-kien", "vi", 1)).toBe("/chuyen-muc/su-kien");
    expect(homeListingHref("en", 2)).toBe("/en/page/2");
    expect(homeListingHref("en", 1)).toBe("/en");
    expect(ROUTES.en.search).toBe("/en/search");
  });

  it("English search addresses use English parameter names and messages", () => {
    const form = readSearchForm({ q: "Annual", category: "nope", from: "31/02/2020" }, ["events"], "en");
    expect(form.problems).toEqual(["There is no such category; searching all categories.", "“From” is not a valid date; that filter is ignored."]);
    expect(searchHref({ q: "annual", categorySlug: "events" }, 2, "en")).toBe("/en/search?q=annual&category=events&page=2");
    expect(searchHref({ q: "hoi nghi" }, 2)).toBe("/tim-kiem?q=hoi+nghi&trang=2");
  });
});
