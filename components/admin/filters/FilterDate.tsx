import { FILTER_CONTROL_CLASS, FilterField } from "./FilterField";

/** A day filter; the browser's date picker sends `YYYY-MM-DD`. */
export function FilterDate({ id, label, name, value }: { id: string; label: string; name: string; value: string | undefined }) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} name={name} type="date" defaultValue={value ?? ""} className={FILTER_CONTROL_CLASS} />
    </FilterField>
  );
}
