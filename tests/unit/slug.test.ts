import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "@/lib/vi/slug";

describe("slugify", () => {
  it("removes Vietnamese diacritics and joins words with dashes", () => {
    expect(slugify("Đảng bộ Cục Sở hữu trí tuệ")).toBe("dang-bo-cuc-so-huu-tri-tue");
    expect(slugify("Thi đua – Khen thưởng")).toBe("thi-dua-khen-thuong");
  });

  it("maps đ and Đ to d", () => {
    expect(slugify("đường ĐI đến")).toBe("duong-di-den");
  });

  it("does not depend on the normalization form", () => {
    const nfd = "Hội nghị điển hình tiên tiến".normalize("NFD");
    expect(slugify(nfd)).toBe("hoi-nghi-dien-hinh-tien-tien");
  });

  it("turns punctuation and symbol runs into one dash and trims dashes", () => {
    expect(slugify("  Bộ KH&CN: “Đổi mới, sáng tạo” (2020-2025)!!  ")).toBe("bo-kh-cn-doi-moi-sang-tao-2020-2025");
    expect(slugify("--- Tin tức ---")).toBe("tin-tuc");
    expect(slugify("Hội\u00A0nghị\u200B 2021")).toBe("hoi-nghi-2021");
  });

  it("falls back to bai-viet when nothing is left", () => {
    expect(slugify("")).toBe("bai-viet");
    expect(slugify("   ")).toBe("bai-viet");
    expect(slugify("?!…")).toBe("bai-viet");
  });

  it("cuts at a word boundary within maxLength", () => {
    expect(slugify("Đảng bộ Cục Sở hữu trí tuệ", 10)).toBe("dang-bo");
    expect(slugify("Đảng bộ Cục Sở hữu trí tuệ", 11)).toBe("dang-bo-cuc");
    expect(slugify("Đảng bộ Cục Sở hữu trí tuệ", 12)).toBe("dang-bo-cuc");
    expect(slugify("abcdefghijklmnop", 5)).toBe("abcde");
  });

  it("defaults to 120 characters", () => {
    const long = Array.from({ length: 60 }, (_, i) => `tu${i}`).join(" ");
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith("-")).toBe(false);
    expect(long.replaceAll(" ", "-").startsWith(slug)).toBe(true);
    expect(long.replaceAll(" ", "-")[slug.length]).toBe("-");
  });
});

describe("uniqueSlug", () => {
  it("returns the base when it is free", () => {
    expect(uniqueSlug("hoi-nghi", () => false)).toBe("hoi-nghi");
  });

  it("appends -2, -3, … until free", () => {
    const taken = new Set(["hoi-nghi", "hoi-nghi-2"]);
    expect(uniqueSlug("hoi-nghi", (s) => taken.has(s))).toBe("hoi-nghi-3");
    taken.add("hoi-nghi-3");
    expect(uniqueSlug("hoi-nghi", (s) => taken.has(s))).toBe("hoi-nghi-4");
    expect(uniqueSlug("tin-tuc", (s) => s === "tin-tuc")).toBe("tin-tuc-2");
  });

  it("keeps the suffixed slug within maxLength", () => {
    const base = slugify("Đảng bộ Cục Sở hữu trí tuệ", 26); // dang-bo-cuc-so-huu-tri-tue
    expect(base).toBe("dang-bo-cuc-so-huu-tri-tue");
    const slug = uniqueSlug(base, (s) => s === base, 26);
    expect(slug).toBe("dang-bo-cuc-so-huu-tri-2");
    expect(slug.length).toBeLessThanOrEqual(26);

    const full = "a".repeat(120);
    const suffixed = uniqueSlug(full, (s) => s === full);
    expect(suffixed).toBe(`${"a".repeat(118)}-2`);
  });

  it("uses the fallback for an empty base", () => {
    expect(uniqueSlug("", () => false)).toBe("bai-viet");
    expect(uniqueSlug("", (s) => s === "bai-viet")).toBe("bai-viet-2");
  });
});
