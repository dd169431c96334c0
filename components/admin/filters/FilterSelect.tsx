import { FILTER_CONTROL_CLASS, FilterField } from "./FilterField";

export type FilterOption = { value: string | number; label: string };

type FilterSelectProps = {
  id: string;
  label: string;
  name: string;
  /** The current choice from the address; empty when the filter is off. */
  value: string | number | undefined;
  options: ReadonlyArray<FilterOption>;
  /** Text of a first, empty option that turns the filter off; lists with their own default leave it out. */
  allLabel?: string;
  className?: string;
};

/** A labelled select in a list's filter form. */
export function FilterSelect({ id, label, name, value, options, allLabel, className }: FilterSelectProps) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={value === undefined ? "" : String(value)} className={className ? `${FILTER_CONTROL_CLASS} ${className}` : FILTER_CONTROL_CLASS}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
