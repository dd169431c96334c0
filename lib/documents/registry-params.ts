import { VALIDITY_STATUSES, type ValidityStatus } from "./status";

/**
 * The registry's address: `/van-ban?q=…&loai=…&co-quan=…&linh-vuc=…&nam=…&tinh-trang=…&trang=…`.
 * Pure: the page reads it, the form and the facet links write it.
 */
export const REGISTRY_PATH = "/van-ban";
export const REGISTRY_PARAM = { q: "q", type: "loai", issuer: "co-quan", field: "linh-vuc", year: "nam", status: "tinh-trang", page: "trang" } as const;

export type RegistryForm = {
  q: string;
  type?: string;
  issuer?: string;
  field?: string;
  year?: number;
  status?: ValidityStatus | "unknown";
  page: number;
};

type Raw = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));
// Type and field values are slugs; an issuing body is its folded name (letters, digits, spaces).
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads the query string; anything malformed is dropped (people edit and share these addresses by hand). */
export function readRegistryForm(raw: Raw): RegistryForm {
  const q = Array.from(first(raw[REGISTRY_PARAM.q]).trim()).slice(0, 200).join("");
  const slug = (value: string) => (SLUG.test(value) && value.length <= 120 ? value : undefined);
  const issuer = first(raw[REGISTRY_PARAM.issuer]).trim().slice(0, 200) || undefined;
  const yearText = first(raw[REGISTRY_PARAM.year]);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const statusText = first(raw[REGISTRY_PARAM.status]);
  const status = ([...VALIDITY_STATUSES, "unknown"] as string[]).includes(statusText) ? (statusText as ValidityStatus | "unknown") : undefined;
  const pageText = first(raw[REGISTRY_PARAM.page]);
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) > 0 ? Number(pageText) : 1;
  return { q, type: slug(first(raw[REGISTRY_PARAM.type])), issuer, field: slug(first(raw[REGISTRY_PARAM.field])), year, status, page };
}

/** The address of the registry with these filters; page 1 has no `trang`. */
export function registryHref(form: Omit<RegistryForm, "page">, page = 1): string {
  const params = new URLSearchParams();
  if (form.q) params.set(REGISTRY_PARAM.q, form.q);
  if (form.type) params.set(REGISTRY_PARAM.type, form.type);
  if (form.issuer) params.set(REGISTRY_PARAM.issuer, form.issuer);
  if (form.field) params.set(REGISTRY_PARAM.field, form.field);
  if (form.year) params.set(REGISTRY_PARAM.year, String(form.year));
  if (form.status) params.set(REGISTRY_PARAM.status, form.status);
  if (page > 1) params.set(REGISTRY_PARAM.page, String(page));
  const query = params.toString();
  return query ? `${REGISTRY_PATH}?${query}` : REGISTRY_PATH;
}
