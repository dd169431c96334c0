import type { FacetValue, RegistryResult } from "@/lib/dal/documents";
import { REGISTRY_PARAM, REGISTRY_PATH, type RegistryForm as RegistryFormValues } from "@/lib/documents/registry-params";

const CONTROL = "min-h-11 w-full min-w-0 rounded-md border border-line bg-page px-3 text-ink";

function Facet({ id, name, label, values, chosen }: { id: string; name: string; label: string; values: FacetValue[]; chosen: string | undefined }) {
  // A value chosen in the address but with no document left still shows, so the reader sees what is filtering.
  const options = chosen && !values.some((v) => v.value === chosen) ? [...values, { value: chosen, label: chosen, count: 0 }] : values;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={chosen ?? ""} className={CONTROL}>
        <option value="">Tất cả</option>
        {options.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label} ({v.count.toLocaleString("vi-VN")})
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The registry's search box and facets: a plain GET form (it works without JavaScript), each
 * facet a list of the values the other filters leave, with their counts.
 */
export function RegistryForm({ values, facets }: { values: RegistryFormValues; facets: RegistryResult["facets"] }) {
  return (
    <form method="get" action={REGISTRY_PATH} role="search" aria-label="Tìm và lọc văn bản" className="mt-4 flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="registry-q" className="font-semibold">
          Số/ký hiệu hoặc từ khoá
        </label>
        <p id="registry-q-hint" className="text-sm text-muted">
          Ví dụ: 65/2023/NĐ-CP, 65 2023 nd cp, sở hữu công nghiệp. Gõ có dấu hay không dấu đều được.
        </p>
        <input id="registry-q" name={REGISTRY_PARAM.q} type="search" defaultValue={values.q} aria-describedby="registry-q-hint" maxLength={400} className={CONTROL} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Facet id="registry-type" name={REGISTRY_PARAM.type} label="Loại văn bản" values={facets.type} chosen={values.type} />
        <Facet id="registry-issuer" name={REGISTRY_PARAM.issuer} label="Cơ quan ban hành" values={facets.issuer} chosen={values.issuer} />
        <Facet id="registry-field" name={REGISTRY_PARAM.field} label="Lĩnh vực" values={facets.field} chosen={values.field} />
        <Facet id="registry-year" name={REGISTRY_PARAM.year} label="Năm ban hành" values={facets.year} chosen={values.year ? String(values.year) : undefined} />
        <Facet id="registry-status" name={REGISTRY_PARAM.status} label="Tình trạng hiệu lực" values={facets.status} chosen={values.status} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="min-h-11 rounded-md bg-brand px-5 font-semibold text-brand-ink">
          Tìm văn bản
        </button>
        <a href={REGISTRY_PATH} className="underline underline-offset-4">
          Xoá bộ lọc
        </a>
      </div>
    </form>
  );
}
