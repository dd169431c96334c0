import { describe, expect, it } from "vitest";
import {
  DEFAULT_FONT_SIZE,
  FONT_STEPS,
  PREFS_STORAGE_KEY,
  PREPAINT_SCRIPT,
  RATES,
  formatDecimal,
  nextFontSize,
  parsePrefs,
} from "@/lib/reader/preferences";

describe("parsePrefs", () => {
  it.each([
    null,
    "",
    "not json",
    "{",
    "null",
    "42",
    '"text"',
    "[]",
    "[150]",
    '{"fontSize":"150"}',
    '{"fontSize":151}',
    '{"fontSize":1e9}',
    '{"fontSize":null}',
    "{}",
  ])("falls back to the defaults for %j", (raw) => {
    expect(parsePrefs(raw)).toEqual({ fontSize: DEFAULT_FONT_SIZE });
  });

  it("keeps valid values", () => {
    expect(parsePrefs('{"fontSize":112.5,"contrast":"high","rate":1.25}')).toEqual({
      fontSize: 112.5,
      contrast: "high",
      rate: 1.25,
    });
    expect(parsePrefs('{"fontSize":87.5,"contrast":"normal"}')).toEqual({ fontSize: 87.5, contrast: "normal" });
  });

  it("drops invalid fields one by one", () => {
    expect(parsePrefs('{"fontSize":200,"contrast":"dark","rate":3}')).toEqual({ fontSize: 200 });
    expect(parsePrefs('{"fontSize":"x","contrast":"high","rate":"1"}')).toEqual({
      fontSize: DEFAULT_FONT_SIZE,
      contrast: "high",
    });
  });

  it("accepts every step and every rate", () => {
    for (const step of FONT_STEPS) expect(parsePrefs(JSON.stringify({ fontSize: step })).fontSize).toBe(step);
    for (const rate of RATES) expect(parsePrefs(JSON.stringify({ fontSize: 100, rate })).rate).toBe(rate);
  });
});

describe("nextFontSize", () => {
  it("moves one step at a time and stops at the ends", () => {
    expect(nextFontSize(100, 1)).toBe(112.5);
    expect(nextFontSize(112.5, 1)).toBe(125);
    expect(nextFontSize(150, 1)).toBe(175);
    expect(nextFontSize(200, 1)).toBe(200);
    expect(nextFontSize(100, -1)).toBe(87.5);
    expect(nextFontSize(87.5, -1)).toBe(87.5);
  });

  it("resets to the default", () => {
    expect(nextFontSize(175, 0)).toBe(DEFAULT_FONT_SIZE);
    expect(nextFontSize(87.5, 0)).toBe(DEFAULT_FONT_SIZE);
  });

  it("treats an off-scale value as the default", () => {
    expect(nextFontSize(133, 1)).toBe(112.5);
    expect(nextFontSize(Number.NaN, -1)).toBe(87.5);
  });

  it("walks the whole scale", () => {
    let size = 87.5;
    const seen = [size];
    for (let i = 0; i < 10; i++) seen.push((size = nextFontSize(size, 1)));
    expect([...new Set(seen)]).toEqual([...FONT_STEPS]);
  });
});

describe("formatDecimal", () => {
  it("uses the Vietnamese decimal comma", () => {
    expect(formatDecimal(112.5)).toBe("112,5");
    expect(formatDecimal(150)).toBe("150");
    expect(formatDecimal(0.75)).toBe("0,75");
  });
});

describe("PREPAINT_SCRIPT", () => {
  function fakeRoot() {
    const attributes: Record<string, string> = {};
    const classes = new Set<string>();
    return {
      attributes,
      classes,
      setAttribute: (name: string, value: string) => {
        attributes[name] = value;
      },
      classList: { add: (name: string) => classes.add(name) },
    };
  }

  function run(storage: { getItem(key: string): string | null }) {
    const documentElement = fakeRoot();
    // Parameters shadow the globals the inline script reads in a browser.
    const script = new Function("document", "localStorage", PREPAINT_SCRIPT);
    expect(() => script({ documentElement }, storage)).not.toThrow();
    return documentElement;
  }

  const storing = (value: string | null) => ({
    getItem: (key: string) => (key === PREFS_STORAGE_KEY ? value : null),
  });

  it("applies stored preferences and marks JavaScript as available", () => {
    const root = run(storing('{"fontSize":150,"contrast":"high"}'));
    expect(root.attributes).toEqual({ "data-font-size": "150", "data-contrast": "high" });
    expect(root.classes.has("js")).toBe(true);
  });

  it("writes fractional steps the way the CSS selectors expect", () => {
    expect(run(storing('{"fontSize":112.5}')).attributes["data-font-size"]).toBe("112.5");
    expect(run(storing('{"fontSize":87.5,"contrast":"normal"}')).attributes).toEqual({
      "data-font-size": "87.5",
      "data-contrast": "normal",
    });
  });

  it.each([null, "", "garbage", "null", "7", '{"fontSize":"150","contrast":"dark"}', '{"fontSize":999}'])(
    "sets nothing but the js class for %j",
    (raw) => {
      const root = run(storing(raw));
      expect(root.attributes).toEqual({});
      expect(root.classes.has("js")).toBe(true);
    },
  );

  it("survives a localStorage that throws", () => {
    const root = run({
      getItem: () => {
        throw new Error("SecurityError");
      },
    });
    expect(root.attributes).toEqual({});
    expect(root.classes.has("js")).toBe(true);
  });

  it("stays ES5: no arrow functions, let/const, template literals or spread", () => {
    expect(PREPAINT_SCRIPT).not.toMatch(/=>|\blet\b|\bconst\b|`|\.\.\./);
    expect(PREPAINT_SCRIPT.length).toBeLessThan(600);
  });
});
