import { CONTROL_CLASS, FieldShell } from "./FieldShell";

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">;

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ label, name, error, hint, defaultValue, ...input }: FieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {(control) => <input {...control} name={name} defaultValue={defaultValue} className={CONTROL_CLASS} {...input} />}
    </FieldShell>
  );
}
