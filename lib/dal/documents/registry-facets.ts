/**
 * The registry's filters and facet counts, in one pass over its documents in memory
 * (public-registry.ts): all of them, or those a query found. Each facet counts the documents that
 * the other filters leave, its own aside, so a reader sees what choosing another value of it would
 * give and a chosen value keeps its count: a document failing no filter is a result and counts in
 * every facet, one failing exactly one filter counts in that filter's facet only.
 */
import "server-only";
import { presentValidity, resolveValidityOn, VALIDITY_STATUSES, vietnamToday, type ValidityStatus } from "@/lib/documents/status";
import type { PublicRegistry, RegistryDocument } from "./public-registry";
import { issuerKeyOf } from "./registry";

export type RegistryFilters = {
  q?: string;
  /** A type's slug. */
  type?: string;
  /** An issuing body as its folded key (issuerKeyOf). */
  issuer?: string;
  /** A field's slug. */
  field?: string;
  year?: number;
  status?: ValidityStatus | "unknown";
  page?: number;
};

export type FacetValue = { value: string; label: string; count: number };
export type RegistryFacets = { type: FacetValue[]; issuer: FacetValue[]; field: FacetValue[]; year: FacetValue[]; status: FacetValue[] };
type Facet = keyof RegistryFacets;

/** The ids of the documents a query found, public or not (an id may come twice), and those whose number it is (listed first). */
export type Found = { all: readonly number[]; byNumber: ReadonlySet<number> };

const STATUS_VALUES = [...VALIDITY_STATUSES, "unknown"] as const;

/**
 * Each document's status on a Vietnam day, as its place in STATUS_VALUES: worked out once per day
 * and registry read rather than per search (20,000 resolutions were about a third of a pass over them all).
 */
const statusDays = new WeakMap<PublicRegistry, { today: string; statuses: Uint8Array }>();

function statusesOn(registry: PublicRegistry, today: string): Uint8Array {
  const kept = statusDays.get(registry);
  if (kept?.today === today) return kept.statuses;
  const statuses = Uint8Array.from(registry.documents, (d) => STATUS_VALUES.indexOf(resolveValidityOn(d, today).status ?? "unknown"));
  statusDays.set(registry, { today, statuses });
  return statuses;
}

/** A chosen filter; `status` is the document's place in STATUS_VALUES. */
type Test = { facet: Facet; passes: (document: RegistryDocument, status: number) => boolean };

/** The chosen filters as tests; a type or field slug that names none passes no document, as an unknown value in SQL would. */
function filterTests(registry: PublicRegistry, filters: RegistryFilters): Test[] {
  const tests: Test[] = [];
  if (filters.type) {
    const type = registry.types.find((t) => t.slug === filters.type);
    tests.push({ facet: "type", passes: (d) => d.type === type });
  }
  if (filters.issuer) {
    const key = issuerKeyOf(filters.issuer);
    tests.push({ facet: "issuer", passes: (d) => d.issuer.key === key });
  }
  if (filters.field) {
    const field = registry.fields.find((f) => f.slug === filters.field);
    tests.push({ facet: "field", passes: (d) => field !== undefined && d.fields.includes(field) });
  }
  if (filters.year) {
    const year = String(filters.year).padStart(4, "0");
    tests.push({ facet: "year", passes: (d) => d.year.value === year });
  }
  if (filters.status) {
    const wanted = STATUS_VALUES.indexOf(filters.status);
    tests.push({ facet: "status", passes: (_, status) => status === wanted });
  }
  return tests;
}

/** Counts by the values' numbers (public-registry.ts): a search adds up thousands of documents, and arrays do it several times faster than Maps. */
type Counts = Record<Facet, Int32Array>;

const newCounts = (registry: PublicRegistry): Counts => ({
  type: new Int32Array(registry.types.length),
  issuer: new Int32Array(registry.issuers.length),
  field: new Int32Array(registry.fields.length),
  year: new Int32Array(registry.years.length),
  status: new Int32Array(STATUS_VALUES.length),
});

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A body's count over its spellings, under the smallest spelling counted (as SQL's min() gave it). */
function issuerValues(counts: Counts, registry: PublicRegistry): FacetValue[] {
  const byKey = new Map<string, FacetValue>();
  for (const spelling of registry.issuers) {
    const count = counts.issuer[spelling.index]!;
    if (count === 0) continue;
    const known = byKey.get(spelling.key);
    if (!known) byKey.set(spelling.key, { value: spelling.key, label: spelling.name, count });
    else {
      known.count += count;
      if (byText(spelling.name, known.label) < 0) known.label = spelling.name;
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || byText(a.value, b.value));
}

/** Each facet's values in the order the page lists them: types as staff ordered them, bodies and fields most used first, years newest first, statuses in a document's order. */
function facetValues(counts: Counts, registry: PublicRegistry): RegistryFacets {
  const counted = <V extends { index: number }>(values: readonly V[], by: Int32Array) => values.filter((v) => by[v.index]! > 0);
  return {
    type: counted(registry.types, counts.type)
      .sort((a, b) => a.position - b.position || byText(a.name, b.name))
      .map((t) => ({ value: t.slug, label: t.name, count: counts.type[t.index]! })),
    issuer: issuerValues(counts, registry),
    field: counted(registry.fields, counts.field)
      .map((f) => ({ value: f.slug, label: f.name, count: counts.field[f.index]! }))
      .sort((a, b) => b.count - a.count || byText(a.label, b.label)),
    year: counted(registry.years, counts.year)
      .map((y) => ({ value: y.value, label: y.value, count: counts.year[y.index]! }))
      .sort((a, b) => byText(b.value, a.value)),
    status: STATUS_VALUES.flatMap((value, i) => (counts.status[i]! > 0 ? [{ value, label: presentValidity(value === "unknown" ? null : value).vi, count: counts.status[i]! }] : [])),
  };
}

/** 1 at the place in the registry's order of each document found (those not in it, drafts and trashed ones, have none). */
function foundPlaces(registry: PublicRegistry, ids: readonly number[]): Uint8Array {
  const marked = new Uint8Array(registry.documents.length);
  for (const id of ids) {
    const place = registry.placeOf.get(id);
    if (place !== undefined) marked[place] = 1;
  }
  return marked;
}

/**
 * The documents on the site on `now` that pass the filters, and the facets: a number's own
 * documents first (before a circular quoting "Nghị định 65/2023/NĐ-CP"), then the registry's
 * order, newest issued. The status is worked out on `now`'s Vietnam day, so it moves at midnight
 * without anything written.
 */
export function countRegistry(registry: PublicRegistry, filters: RegistryFilters, found: Found | null, now: Date): { results: RegistryDocument[]; facets: RegistryFacets } {
  const at = now.getTime();
  const statuses = statusesOn(registry, vietnamToday(now));
  const tests = filterTests(registry, filters);
  const counts = newCounts(registry);
  const numbered: RegistryDocument[] = [];
  const others: RegistryDocument[] = [];
  const { documents } = registry;
  const marked = found ? foundPlaces(registry, found.all) : null;
  // Plain indexed loops, no call per document: a new process runs this unoptimized for its first
  // searches, where for…of and calls cost several times the counting itself.
  for (let i = 0; i < documents.length; i++) {
    if (marked && marked[i] === 0) continue;
    const document = documents[i]!;
    // publicConstraint's `published_at <= now`: a scheduled document appears when its time comes.
    if (document.publishedAt === null || document.publishedAt > at) continue;
    const status = statuses[i]!;
    let failed: Facet | null = null;
    let failures = 0;
    for (let t = 0; t < tests.length && failures < 2; t++) {
      if (tests[t]!.passes(document, status)) continue;
      failed = tests[t]!.facet;
      failures++;
    }
    if (failures > 1) continue;
    const result = failed === null;
    if (result || failed === "type") counts.type[document.type.index]!++;
    if (result || failed === "issuer") counts.issuer[document.issuer.index]!++;
    if (result || failed === "field") for (let f = 0; f < document.fields.length; f++) counts.field[document.fields[f]!.index]!++;
    if (result || failed === "year") counts.year[document.year.index]!++;
    if (result || failed === "status") counts.status[status]!++;
    if (result) (found?.byNumber.has(document.id) ? numbered : others).push(document);
  }
  return { results: numbered.concat(others), facets: facetValues(counts, registry) };
}
