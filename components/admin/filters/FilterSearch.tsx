import { FILTER_CONTROL_CLASS, FilterField } from "./FilterField";

/** The free-text filter (`q`), widest in the row. */
export function FilterSearch({ id, label, value }: { id: string; label: string; value: string | undefined }) {
  return (
    <FilterField id={id} label={label} wide>
      <input id={id} name="q" type="search" defaultValue={value} className={FILTER_CONTROL_CLASS} />
    </FilterField>
  );
}
