import { describe, expect, it } from "vitest";
import { readingMinutes, readingTimeText } from "@/lib/editor/reading-time";

describe("reading time", () => {
  it("rounds up to whole minutes at 220 words a minute, nothing for an empty body", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingTimeText(0)).toBe("");
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(220)).toBe(1);
    expect(readingMinutes(221)).toBe(2);
    expect(readingTimeText(1500)).toBe("khoảng 7 phút đọc");
  });
});
