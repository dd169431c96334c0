import { describe, expect, it } from "vitest";
import { englishCardinal, englishOrdinal, englishYear, normalizeEnglish } from "@/lib/speech/normalize-en";

describe("English numbers", () => {
  it.each([
    [0, "zero"],
    [13, "thirteen"],
    [21, "twenty-one"],
    [105, "one hundred five"],
    [1234, "one thousand two hundred thirty-four"],
    [1_000_005, "one million five"],
    [2_500_000_000, "two billion five hundred million"],
  ])("%i → %s", (n, spoken) => expect(englishCardinal(n)).toBe(spoken));

  it("reads ordinals and years", () => {
    expect([1, 2, 3, 5, 12, 20, 21, 31].map(englishOrdinal)).toEqual(["first", "second", "third", "fifth", "twelfth", "twentieth", "twenty-first", "thirty-first"]);
    expect([2020, 2005, 2000, 1999, 1900, 1905].map(englishYear)).toEqual(["twenty twenty", "two thousand five", "two thousand", "nineteen ninety-nine", "nineteen hundred", "nineteen oh five"]);
  });
});

describe("normalizeEnglish", () => {
  it.each([
    ["a date written day first", "on 31/12/2020", "on the thirty-first of December twenty twenty"],
    ["a date with dashes", "31-12-2020", "the thirty-first of December twenty twenty"],
    ["an ordinal suffix", "the 22nd session", "the twenty-second session"],
    ["grouped thousands", "1,234,567 applications", "one million two hundred thirty-four thousand five hundred sixty-seven applications"],
    ["a decimal and a percentage", "up 3.5%", "up three point five percent"],
    ["a year", "in 2020", "in twenty twenty"],
    ["a range of years", "2020-2025", "twenty twenty to twenty twenty-five"],
    ["a time", "at 17:12", "at seventeen twelve"],
    ["a whole hour", "at 17:00", "at seventeen hundred"],
    ["a time with minutes under ten", "9:05 a.m.", "nine oh five a m"],
    ["titles", "Dr. Nguyen and Mr. Tran", "Doctor Nguyen and Mister Tran"],
    ["No. before a number", "Decree No. 65/2023/ND-CP", "Decree number sixty-five of twenty twenty-three, N D C P"],
    ["Latin abbreviations", "patents, trademarks, etc.", "patents, trademarks, et cetera"],
    ["IP and R&D", "IP and R&D", "I P and R and D"],
    ["a code with a leading zero", "call 0243", "call zero two four three"],
  ])("%s", (_name, written, spoken) => expect(normalizeEnglish(written)).toBe(spoken));

  it("leaves plain English alone", () => {
    const text = "The Intellectual Property Office of Viet Nam held its annual conference.";
    expect(normalizeEnglish(text)).toBe(text);
  });
});
