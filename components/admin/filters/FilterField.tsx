/** The look every filter control shares; unlike forms that save, filters never show an invalid state. */
export const FILTER_CONTROL_CLASS = "min-h-11 rounded-md border border-line bg-page px-3 text-ink";

/** A filter's label above its control; `wide` lets a free-text field take the row's spare width. */
export function FilterField({ id, label, wide = false, children }: { id: string; label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "flex min-w-64 flex-1 flex-col gap-1" : "flex flex-col gap-1"}>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}
