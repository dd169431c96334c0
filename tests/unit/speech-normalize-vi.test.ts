import { describe, expect, it } from "vitest";
import { ABBREVIATIONS_VI } from "@/lib/speech/abbreviations-vi";
import { normalizeVietnamese } from "@/lib/speech/normalize-vi";
import { readDigits, readFraction, readInteger, readOrdinal, romanValue } from "@/lib/speech/vi-numbers";

describe("Vietnamese numbers", () => {
  it.each([
    [0, "không"],
    [1, "một"],
    [4, "bốn"],
    [5, "năm"],
    [10, "mười"],
    [11, "mười một"],
    [14, "mười bốn"],
    [15, "mười lăm"],
    [20, "hai mươi"],
    [21, "hai mươi mốt"],
    [24, "hai mươi tư"],
    [25, "hai mươi lăm"],
    [31, "ba mươi mốt"],
    [55, "năm mươi lăm"],
    [100, "một trăm"],
    [101, "một trăm linh một"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [115, "một trăm mười lăm"],
    [1000, "một nghìn"],
    [1005, "một nghìn không trăm linh năm"],
    [1500, "một nghìn năm trăm"],
    [2020, "hai nghìn không trăm hai mươi"],
    [2021, "hai nghìn không trăm hai mươi mốt"],
    [15000, "mười lăm nghìn"],
    [1_005_000, "một triệu không trăm linh năm nghìn"],
    [1_000_005, "một triệu không trăm linh năm"],
    [1_234_567, "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"],
    [1_000_000_000, "một tỷ"],
    [2_500_000_000, "hai tỷ năm trăm triệu"],
    [1_000_000_000_000, "một nghìn tỷ"],
  ])("%i → %s", (n, spoken) => {
    expect(readInteger(n)).toBe(spoken);
  });

  it("reads the southern forms on request", () => {
    expect(readInteger(1005, "south")).toBe("một ngàn không trăm lẻ năm");
    expect(readInteger(24, "south")).toBe("hai mươi bốn");
  });

  it("reads codes digit by digit, decimals, ordinals and Roman numerals", () => {
    expect(readDigits("0912")).toBe("không chín một hai");
    expect(readFraction("5")).toBe("năm");
    expect(readFraction("25")).toBe("hai mươi lăm");
    expect(readFraction("05")).toBe("không năm");
    expect(readFraction("125")).toBe("một hai năm");
    expect([1, 2, 4, 13].map((n) => readOrdinal(n))).toEqual(["nhất", "hai", "tư", "mười ba"]);
    expect(["I", "IV", "V", "XIII", "XV", "XXI", "IIII", "VX", ""].map(romanValue)).toEqual([1, 4, 5, 13, 15, 21, null, null, null]);
    expect(() => readInteger("12a")).toThrow(RangeError);
  });
});

describe("normalizeVietnamese", () => {
  const cases: [string, string, string][] = [
    // Abbreviations named in the issue, with and without their dot
    ["TP. with a dot", "TP. Hồ Chí Minh", "thành phố Hồ Chí Minh"],
    ["TP before a name", "TP Hà Nội", "thành phố Hà Nội"],
    ["TP.HCM", "tại TP.HCM", "tại thành phố Hồ Chí Minh"],
    ["TS.", "TS. Lê Văn A", "tiến sĩ Lê Văn A"],
    ["TS before a name", "TS Lê Văn A", "tiến sĩ Lê Văn A"],
    ["ThS.", "ThS. Trần Thị B", "thạc sĩ Trần Thị B"],
    ["Th.S", "Th.S Trần Thị B", "thạc sĩ Trần Thị B"],
    ["PGS.TS", "PGS.TS Nguyễn Văn C", "phó giáo sư tiến sĩ Nguyễn Văn C"],
    ["GS.", "GS. Phan D", "giáo sư Phan D"],
    ["KH&CN", "Bộ KH&CN", "Bộ khoa học và công nghệ"],
    ["KH&CN in brackets", "Bộ Khoa học và Công nghệ (KH&CN)", "Bộ Khoa học và Công nghệ (khoa học và công nghệ)"],
    ["SHTT", "Cục SHTT", "Cục sở hữu trí tuệ"],
    ["UBND, HĐND", "UBND và HĐND tỉnh", "ủy ban nhân dân và hội đồng nhân dân tỉnh"],
    ["CNTT", "Trung tâm CNTT", "Trung tâm công nghệ thông tin"],
    ["Đ/c", "Đ/c Nguyễn Văn A", "đồng chí Nguyễn Văn A"],
    ["Q. before a number", "Q.1", "quận một"],
    // Numbers
    ["grouped thousands", "1.234.567 người", "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy người"],
    ["decimal comma", "3,5 điểm", "ba phẩy năm điểm"],
    ["decimal comma, two digits", "3,25", "ba phẩy hai mươi lăm"],
    ["decimal comma, leading zero", "3,05", "ba phẩy không năm"],
    ["grouped with decimals", "1.234,5", "một nghìn hai trăm ba mươi tư phẩy năm"],
    ["mốt, tư, lăm", "21, 24, 25, 15", "hai mươi mốt, hai mươi tư, hai mươi lăm, mười lăm"],
    ["linh", "105 đại biểu", "một trăm linh năm đại biểu"],
    ["a dotted version", "công nghiệp 4.0", "công nghiệp bốn chấm không"],
    ["a telephone number", "0912345678", "không chín một hai ba bốn năm sáu bảy tám"],
    ["percent", "tăng 3,5%", "tăng ba phẩy năm phần trăm"],
    ["percent after a space", "50 %", "năm mươi phần trăm"],
    ["money", "500.000đ", "năm trăm nghìn đồng"],
    ["a fraction", "3/4 đại biểu", "ba phần tư đại biểu"],
    // Ordinals
    ["thứ with a digit", "lần thứ 1", "lần thứ nhất"],
    ["thứ 4", "thứ 4", "thứ tư"],
    ["Roman after lần thứ", "Đại hội lần thứ V", "Đại hội lần thứ năm"],
    ["Roman after Đại hội", "Đại hội XIII của Đảng", "Đại hội mười ba của Đảng"],
    ["Roman after khóa", "Quốc hội khóa XV", "Quốc hội khóa mười lăm"],
    ["Roman list marker", "I. KẾT QUẢ ĐẠT ĐƯỢC", "một. KẾT QUẢ ĐẠT ĐƯỢC"],
    ["a capital I that is a word is left", "Cục có I và V", "Cục có I và V"],
    // Dates, times, ranges
    ["date with slashes", "29/12/2020", "ngày hai mươi chín tháng mười hai năm hai nghìn không trăm hai mươi"],
    ["date with dashes", "29-12-2020", "ngày hai mươi chín tháng mười hai năm hai nghìn không trăm hai mươi"],
    ["date after ngày", "Ngày 29/12/2020, Đảng bộ", "Ngày hai mươi chín tháng mười hai năm hai nghìn không trăm hai mươi, Đảng bộ"],
    ["April and a leading zero", "ngày 05/4/2021", "ngày năm tháng tư năm hai nghìn không trăm hai mươi mốt"],
    ["day and month after ngày", "ngày 25/12", "ngày hai mươi lăm tháng mười hai"],
    ["a day range", "ngày 25-26/12/2020", "ngày hai mươi lăm đến hai mươi sáu tháng mười hai năm hai nghìn không trăm hai mươi"],
    ["month and year", "12/2020", "tháng mười hai năm hai nghìn không trăm hai mươi"],
    ["month and year after tháng", "tháng 4/2021", "tháng tư năm hai nghìn không trăm hai mươi mốt"],
    ["tháng with a number", "tháng 4 năm 2021", "tháng tư năm hai nghìn không trăm hai mươi mốt"],
    ["quarter", "quý IV/2021", "quý bốn năm hai nghìn không trăm hai mươi mốt"],
    ["time with a colon", "lúc 17:12", "lúc mười bảy giờ mười hai phút"],
    ["time with h", "lúc 17h12", "lúc mười bảy giờ mười hai phút"],
    ["whole hour", "17h và 14h00", "mười bảy giờ và mười bốn giờ"],
    ["time with SA", "8h30 SA", "tám giờ ba mươi phút sáng"],
    ["year range", "nhiệm kỳ 2020-2025", "nhiệm kỳ hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm"],
    ["range with an en dash and percent", "10–15%", "mười đến mười lăm phần trăm"],
    // Document number symbols
    ["a decree after its type", "Nghị định 65/2023/NĐ-CP", "Nghị định sáu mươi lăm năm hai nghìn không trăm hai mươi ba của Chính phủ"],
    ["a decree alone", "căn cứ 65/2023/NĐ-CP", "căn cứ sáu mươi lăm năm hai nghìn không trăm hai mươi ba, nghị định của Chính phủ"],
    ["a circular with số", "Thông tư số 23/2023/TT-BKHCN", "Thông tư số hai mươi ba năm hai nghìn không trăm hai mươi ba của Bộ Khoa học và Công nghệ"],
    ["a decision without a year", "Số 1234/QĐ-SHTT", "Số một nghìn hai trăm ba mươi tư, quyết định của Cục Sở hữu trí tuệ"],
    ["a law with the term", "Luật số 50/2005/QH11", "Luật số năm mươi năm hai nghìn không trăm linh năm của Quốc hội khóa mười một"],
    ["a joint circular", "Thông tư liên tịch 12/2010/TTLT-BKHCN-BTC", "Thông tư liên tịch mười hai năm hai nghìn không trăm mười của Bộ Khoa học và Công nghệ, Bộ Tài chính"],
    ["a Party resolution", "Nghị quyết số 52-NQ/TW", "Nghị quyết số năm mươi hai của Trung ương"],
    ["an unknown issuer is spelt", "Quyết định 7/QĐ-XYZ", "Quyết định bảy của ích i dài dét"],
    // Addresses, marks, spacing
    ["a web address", "tại https://ipvietnam.gov.vn/tin-tuc.", "tại ipvietnam chấm gov chấm vê nờ."],
    ["an e-mail address", "vanthu@ipvietnam.gov.vn", "vanthu a còng ipvietnam chấm gov chấm vê nờ"],
    ["the legacy end mark", "năm 2016./.", "năm hai nghìn không trăm mười sáu."],
    ["a spaced dash is a pause", "Thi đua - Khen thưởng", "Thi đua, Khen thưởng"],
    ["a joining hyphen", "chính trị-xã hội", "chính trị xã hội"],
    ["and/or", "và/hoặc", "và hoặc"],
    ["NFD input", "Ho\u0302\u0323i nghi\u0323 ngày 1/2", "Hội nghị ngày một tháng hai"],
  ];
  it.each(cases)("%s", (_name, written, spoken) => {
    expect(normalizeVietnamese(written)).toBe(spoken);
  });

  it("leaves ordinary Vietnamese as it is", () => {
    const text = "Hội nghị diễn ra với tinh thần đoàn kết, nhất trí, quyết tâm vượt qua mọi khó khăn.";
    expect(normalizeVietnamese(text)).toBe(text);
  });

  it("expands every written form in the abbreviation table", () => {
    for (const entry of ABBREVIATIONS_VI) {
      for (const written of entry.written) {
        const context = entry.before === "name" ? `${written} Nguyễn` : entry.before === "number" ? `${written}5` : `x ${written} y`;
        expect(normalizeVietnamese(context), written).toContain(entry.spoken);
      }
    }
  });

  it("does not take title words for abbreviations away from a name", () => {
    expect(normalizeVietnamese("GS")).toBe("GS");
    expect(normalizeVietnamese("các TS trẻ")).toBe("các TS trẻ");
  });
});
