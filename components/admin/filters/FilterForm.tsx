import Link from "next/link";

type FilterFormProps = {
  /** The list's own path: the filters go into its address. */
  action: string;
  /** Names the search landmark. */
  label: string;
  submitLabel?: string;
  /** Where the "clear filters" link goes; no link without it. */
  resetHref?: string;
  resetLabel?: string;
  /** Draws the form as a bordered box. */
  framed?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * A list's filters as a GET form: they live in the address, so a filtered list can be bookmarked
 * and works without JavaScript.
 */
export function FilterForm({ action, label, submitLabel = "Tìm kiếm", resetHref, resetLabel = "Bỏ lọc", framed = false, className, children }: FilterFormProps) {
  const classes = ["flex flex-wrap items-end gap-4", framed && "rounded-md border border-line p-4", className].filter(Boolean).join(" ");
  return (
    <form method="get" action={action} role="search" aria-label={label} className={classes}>
      {children}
      <button type="submit" className="min-h-11 rounded-md bg-brand px-4 font-semibold text-brand-ink">
        {submitLabel}
      </button>
      {resetHref && (
        <Link href={resetHref} className="inline-flex min-h-11 items-center underline underline-offset-4">
          {resetLabel}
        </Link>
      )}
    </form>
  );
}
