import { CONTROL_CLASS, FieldShell } from "./FieldShell";

type SelectFieldProps = {
  label: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: string;
  hint?: string;
  defaultValue?: string;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue">;

/** A labelled select with its hint and error tied to it, like Field for inputs. */
export function SelectField({ label, name, options, error, hint, defaultValue, ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {(control) => (
        <select
          // React applies a select's defaultValue only when it mounts, and resets forms after an
          // action to that first value; remounting keeps the submitted (or newly saved) choice.
          key={defaultValue}
          {...control}
          name={name}
          defaultValue={defaultValue}
          className={CONTROL_CLASS}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
