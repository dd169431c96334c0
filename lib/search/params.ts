import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { ROUTES } from "@/lib/i18n/routes";
import { parseCalendarDay } from "@/lib/vi/calendar-day";
import { MAX_QUERY_LENGTH } from "./query";

/** The search page's address: `/tim-kiem?q=…&chuyen-muc=…&tu-ngay=…&den-ngay=…&trang=…`. */
export const SEARCH_PATH = "/tim-kiem";
export const SEARCH_PARAM = { q: "q", category: "chuyen-muc", from: "tu-ngay", to: "den-ngay", page: "trang" } as const;
/** Each site's names for them: the English site's `/en/search?q=…&category=…&from=…&to=…&page=…`. */
export const SEARCH_PARAMS: Readonly<Record<Language, Record<keyof typeof SEARCH_PARAM, string>>> = {
  vi: SEARCH_PARAM,
  en: { q: "q", category: "category", from: "from", to: "to", page: "page" },
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

export type SearchForm = {
  q: string;
  categorySlug?: string;
  /** `yyyy-mm-dd` */
  from?: string;
  to?: string;
  page: number;
  /** Filters that were ignored, explained in Vietnamese. */
  problems: string[];
};

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

/**
 * Reads the search page's query string. Anything malformed is dropped with a message rather than
 * failing: people edit and share these addresses by hand.
 */
export function readSearchForm(raw: RawSearchParams, categorySlugs: readonly string[], language: Language = "vi"): SearchForm {
  const problems: string[] = [];
  const SEARCH_PARAM = SEARCH_PARAMS[language];
  const said = wordsFor(language).search.problems;
  // A little beyond what the query builder reads, so the form shows what was typed without holding a novel.
  const q = Array.from(first(raw[SEARCH_PARAM.q]).trim()).slice(0, MAX_QUERY_LENGTH * 2).join("");

  const categoryParam = first(raw[SEARCH_PARAM.category]);
  const categorySlug = categorySlugs.includes(categoryParam) ? categoryParam : undefined;
  if (categoryParam && !categorySlug) problems.push(said.category);

  const fromParam = first(raw[SEARCH_PARAM.from]);
  const from = parseCalendarDay(fromParam) ?? undefined;
  if (fromParam && !from) problems.push(said.from);
  const toParam = first(raw[SEARCH_PARAM.to]);
  const to = parseCalendarDay(toParam) ?? undefined;
  if (toParam && !to) problems.push(said.to);
  if (from && to && from > to) problems.push(said.order);

  const pageParam = first(raw[SEARCH_PARAM.page]);
  const page = /^\d{1,6}$/.test(pageParam) && Number(pageParam) > 0 ? Number(pageParam) : 1;
  return { q, categorySlug, from, to, page, problems };
}

/** The address of a search, keeping its filters; page 1 has no `trang`. */
export function searchHref(form: Pick<SearchForm, "q" | "categorySlug" | "from" | "to">, page = 1, language: Language = "vi"): string {
  const SEARCH_PARAM = SEARCH_PARAMS[language];
  const SEARCH_PATH = ROUTES[language].search;
  const query = new URLSearchParams();
  if (form.q) query.set(SEARCH_PARAM.q, form.q);
  if (form.categorySlug) query.set(SEARCH_PARAM.category, form.categorySlug);
  if (form.from) query.set(SEARCH_PARAM.from, form.from);
  if (form.to) query.set(SEARCH_PARAM.to, form.to);
  if (page > 1) query.set(SEARCH_PARAM.page, String(page));
  const qs = query.toString();
  return qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH;
}
