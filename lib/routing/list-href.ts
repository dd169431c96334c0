export type ListParams = Record<string, string | number | boolean | null | undefined>;

/**
 * The address of one page of a filtered admin list: empty filters are left out (so the plain list
 * has one address), `true` flags become `1`, and page 1 carries no page number.
 */
export function listHref(path: string, params: ListParams, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    search.set(key, value === true ? "1" : String(value));
  }
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
