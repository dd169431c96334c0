import { DateField } from "@/components/ui/date/DateField";
import { FILTER_CONTROL_CLASS, FilterField } from "./FilterField";

/** A day filter: `31/12/2025` typed (leniently) or chosen on the calendar, whatever the browser's language. */
export function FilterDate({ id, label, name, value }: { id: string; label: string; name: string; value: string | undefined }) {
  return (
    <FilterField id={id} label={label}>
      <DateField id={id} name={name} label={label} defaultValue={value ?? ""} className={`${FILTER_CONTROL_CLASS} w-40`} />
    </FilterField>
  );
}
