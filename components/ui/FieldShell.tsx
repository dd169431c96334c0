import { useId } from "react";

export type FieldControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** Label, hint and error around one form control, tied together for screen readers. */
export function FieldShell({
  label,
  hint,
  counter,
  error,
  children,
}: {
  label: string;
  hint?: string;
  /** A short running figure shown at the label's end (`12/300 ký tự`), read with the hint. */
  counter?: string;
  error?: string;
  children: (control: FieldControlProps) => React.ReactNode;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, counter && `${id}-counter`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        {counter && (
          <span id={`${id}-counter`} className="text-sm text-muted">
            {counter}
          </span>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export const CONTROL_CLASS = "min-h-11 rounded-md border border-line bg-page px-3 text-ink aria-invalid:border-red-700";
