// Reader preferences (text size, contrast, reading speed). Shared by the toolbar,
// the pre-paint script and the unit tests, so it stays free of React and the DOM.

export const FONT_STEPS = [87.5, 100, 112.5, 125, 150, 175, 200] as const;
export const DEFAULT_FONT_SIZE = 100;
export const RATES = [0.75, 1, 1.25, 1.5] as const;
export const DEFAULT_RATE = 1;
export const PREFS_STORAGE_KEY = "reader-prefs";

export type Contrast = "high" | "normal";

export interface ReaderPrefs {
  fontSize: number;
  /** Absent: follow the system's `prefers-contrast`. */
  contrast?: Contrast;
  rate?: number;
}

export const DEFAULT_PREFS: ReaderPrefs = Object.freeze({ fontSize: DEFAULT_FONT_SIZE });

const isFontStep = (value: unknown): value is number =>
  (FONT_STEPS as readonly unknown[]).includes(value);

const isRate = (value: unknown): value is number => (RATES as readonly unknown[]).includes(value);

/** Whatever is in storage (old formats, hand edits, other sites' code) degrades to defaults. */
export function parsePrefs(raw: string | null): ReaderPrefs {
  if (!raw) return { fontSize: DEFAULT_FONT_SIZE };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { fontSize: DEFAULT_FONT_SIZE };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { fontSize: DEFAULT_FONT_SIZE };
  }
  const { fontSize, contrast, rate } = data as Record<string, unknown>;
  const prefs: ReaderPrefs = { fontSize: isFontStep(fontSize) ? fontSize : DEFAULT_FONT_SIZE };
  if (contrast === "high" || contrast === "normal") prefs.contrast = contrast;
  if (isRate(rate)) prefs.rate = rate;
  return prefs;
}

/** dir 0 resets; an off-scale current value counts as the default. */
export function nextFontSize(current: number, dir: -1 | 0 | 1): number {
  if (dir === 0) return DEFAULT_FONT_SIZE;
  const index = FONT_STEPS.indexOf(current as (typeof FONT_STEPS)[number]);
  const from = index === -1 ? FONT_STEPS.indexOf(DEFAULT_FONT_SIZE) : index;
  const to = Math.min(FONT_STEPS.length - 1, Math.max(0, from + dir));
  return FONT_STEPS[to] ?? DEFAULT_FONT_SIZE;
}

/** Vietnamese writes decimals with a comma: 112.5 → "112,5". */
export function formatDecimal(value: number): string {
  return String(value).replace(".", ",");
}

// Runs inline in <head> before the first paint, so it must be ES5, self-contained and
// never throw (localStorage throws in some privacy modes). It validates exactly like
// parsePrefs: the steps are inlined from FONT_STEPS.
export const PREPAINT_SCRIPT = `(function(){var d=document.documentElement;d.classList.add("js");try{var p=JSON.parse(localStorage.getItem(${JSON.stringify(
  PREFS_STORAGE_KEY,
)})||"null");if(!p||typeof p!=="object")return;if(${JSON.stringify(
  FONT_STEPS,
)}.indexOf(p.fontSize)>-1)d.setAttribute("data-font-size",String(p.fontSize));if(p.contrast==="high"||p.contrast==="normal")d.setAttribute("data-contrast",p.contrast)}catch(e){}})();`;
