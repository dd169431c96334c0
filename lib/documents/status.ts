import { foldForSearch } from "@/lib/vi/fold";
import { toVietnamIso } from "@/lib/vi/date-line";
import { vietnamDayStart } from "@/lib/vi/calendar-day";
import { VALIDITY_STATUSES } from "@/db/vocabulary";

// Tình trạng hiệu lực, in the order a document goes through them: declared with the schema, which stores a staff setting of one.
export { VALIDITY_STATUSES };
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

/**
 * What a record knows. Days are Vietnam calendar days `yyyy-mm-dd`. `effectiveUntil` is ngày hết
 * hiệu lực as the registries write it: the first day the document no longer applies (the day its
 * replacement takes effect), so on that day it is already expired.
 */
export type ValidityInput = {
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  /** Set by staff for what dates cannot say: partly expired, annulled, in force "from publication". */
  manualStatus: ValidityStatus | null;
};

export type ValidityResolution = {
  /** null when neither the dates nor a setting tell (no effective date, nothing set). */
  status: ValidityStatus | null;
  /** Which rule decided: the dates, the staff's setting, or nothing. */
  basis: "dates" | "manual" | "none";
  /** A staff setting the dates overruled (e.g. "in force" after the expiry date), for the edit screen to point out. */
  overruled: ValidityStatus | null;
};

/** Today's calendar day in Vietnam (UTC+7 all year), `yyyy-mm-dd`: 17:00 UTC is already tomorrow there. */
export function vietnamToday(now: Date = new Date()): string {
  return toVietnamIso(now).slice(0, 10);
}

/**
 * The status on `now`'s Vietnam day. What wins, first to last:
 * 1. Expired (toàn bộ) from either source: the expiry day has come, or staff set it (a document
 *    annulled or replaced without an expiry date on record, even before it took effect). Expiry is final.
 * 2. Not yet effective, while the effective day is still ahead: no setting can make a document
 *    apply before it takes effect.
 * 3. The staff's setting: partly expired exists only as a setting (no date says which articles
 *    lapsed); "in force" or "not yet effective" set by hand cover documents without dates (in force
 *    "from its publication in the Official Gazette"). A "not yet effective" setting after the
 *    effective day has passed is overruled by the date.
 * 4. In force, once the effective day has come.
 * 5. Nothing known: status null ("Chưa xác định"), never a guessed "in force".
 */
export function resolveValidity(input: ValidityInput, now: Date = new Date()): ValidityResolution {
  return resolveValidityOn(input, vietnamToday(now));
}

/**
 * resolveValidity on a Vietnam day `yyyy-mm-dd` (vietnamToday's): the registry resolves every
 * document of a search on one day, worked out once. No closure made per call: it runs for each of
 * thousands of documents a search finds.
 */
export function resolveValidityOn(input: ValidityInput, today: string): ValidityResolution {
  const manual = input.manualStatus;
  const started = input.effectiveFrom !== null && today >= input.effectiveFrom;
  if (input.effectiveUntil !== null && today >= input.effectiveUntil) return decided("expired", "dates", manual);
  if (manual === "expired") return decided("expired", "manual", manual);
  if (input.effectiveFrom !== null && !started) return decided("not_yet_effective", "dates", manual);
  if (manual !== null && !(manual === "not_yet_effective" && started)) return decided(manual, "manual", manual);
  if (started) return decided("in_force", "dates", manual);
  return decided(null, "none", manual);
}

function decided(status: ValidityStatus | null, basis: ValidityResolution["basis"], manual: ValidityStatus | null): ValidityResolution {
  return { status, basis, overruled: manual !== null && manual !== status ? manual : null };
}

/**
 * The next instant (Vietnam midnight) at which the dates change the status, or null: when a
 * cached document page or listing must be refreshed without anyone editing the record.
 */
export function nextValidityChange(input: Pick<ValidityInput, "effectiveFrom" | "effectiveUntil">, now: Date = new Date()): Date | null {
  const today = vietnamToday(now);
  const ahead = [input.effectiveFrom, input.effectiveUntil].filter((day): day is string => day !== null && day > today).sort();
  return ahead.length > 0 ? vietnamDayStart(ahead[0]!) : null;
}

export type ValidityPresentation = {
  vi: string;
  en: string;
  /** An icon name whose shape differs per status, so the status never rests on colour alone. */
  icon: "clock" | "check" | "half" | "cross" | "question";
  /** The same distinction as a text character, for print, plain text and feeds. */
  symbol: string;
  /** A colour role for CSS; always shown together with the label and icon. */
  tone: "info" | "success" | "warning" | "muted" | "neutral";
};

const PRESENTATION: Readonly<Record<ValidityStatus | "unknown", ValidityPresentation>> = {
  not_yet_effective: { vi: "Chưa có hiệu lực", en: "Not yet in force", icon: "clock", symbol: "◷", tone: "info" },
  in_force: { vi: "Còn hiệu lực", en: "In force", icon: "check", symbol: "✓", tone: "success" },
  partly_expired: { vi: "Hết hiệu lực một phần", en: "Partly no longer in force", icon: "half", symbol: "◐", tone: "warning" },
  expired: { vi: "Hết hiệu lực toàn bộ", en: "No longer in force", icon: "cross", symbol: "✕", tone: "muted" },
  unknown: { vi: "Chưa xác định", en: "Not determined", icon: "question", symbol: "?", tone: "neutral" },
};

/** Label, icon and symbol of a status (null: not determined). */
export function presentValidity(status: ValidityStatus | null): ValidityPresentation {
  return PRESENTATION[status ?? "unknown"];
}

/** The status in words, `✓ Còn hiệu lực`: readable without colour, in print and by screen readers. */
export function validityText(status: ValidityStatus | null, locale: "vi" | "en" = "vi"): string {
  const p = presentValidity(status);
  return `${p.symbol} ${p[locale]}`;
}

// What people type in a spreadsheet's status column: the labels with or without diacritics, the
// short forms registries use, the English labels and the identifiers.
const STATUS_WORDS: ReadonlyArray<[string, ValidityStatus]> = [
  ...VALIDITY_STATUSES.map((s): [string, ValidityStatus] => [s.replace(/_/g, " "), s]),
  ...VALIDITY_STATUSES.flatMap((s): Array<[string, ValidityStatus]> => [
    [foldForSearch(PRESENTATION[s].vi), s],
    [foldForSearch(PRESENTATION[s].en), s],
  ]),
  ["het hieu luc", "expired"],
  ["het hieu luc mot phan", "partly_expired"],
  ["con hieu luc mot phan", "partly_expired"],
  ["chua hieu luc", "not_yet_effective"],
  ["dang co hieu luc", "in_force"],
];

/** Reads a typed status (`Còn hiệu lực`, `con hieu luc`, `in force`, `partly_expired`); null if it is none of them. */
export function parseValidityStatus(text: string): ValidityStatus | null {
  const folded = foldForSearch(text).replace(/[_\-.]+/g, " ").replace(/\s+/g, " ").trim();
  return STATUS_WORDS.find(([words]) => words === folded)?.[1] ?? null;
}

export type ValidityDateCheck = { errors: string[]; warnings: string[] };

/** Checks the dates of a record against each other; messages are shown to staff as they are. */
export function checkValidityDates(days: { issuedOn: string | null; effectiveFrom: string | null; effectiveUntil: string | null }): ValidityDateCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { issuedOn, effectiveFrom, effectiveUntil } = days;
  if (effectiveFrom && effectiveUntil && effectiveUntil <= effectiveFrom) errors.push("Ngày hết hiệu lực phải sau ngày có hiệu lực.");
  if (issuedOn && effectiveUntil && effectiveUntil <= issuedOn) errors.push("Ngày hết hiệu lực phải sau ngày ban hành.");
  if (issuedOn && effectiveFrom && effectiveFrom < issuedOn) warnings.push("Ngày có hiệu lực trước ngày ban hành: hãy kiểm tra lại (chỉ đúng khi văn bản có hiệu lực trở về trước).");
  return { errors, warnings };
}
