import { presentValidity, type ValidityStatus as Status } from "@/lib/documents/status";

// One shape per status (a clock, a tick, a half-filled circle, a cross, a question mark), so the
// status is told by its words and its shape, never by colour alone; the words are what is read out.
const ICONS: Record<ReturnType<typeof presentValidity>["icon"], React.ReactNode> = {
  clock: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4v4l3 2" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </>
  ),
  check: <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" />,
  half: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 1.5a6.5 6.5 0 0 1 0 13z" fill="currentColor" />
    </>
  ),
  cross: <path d="M3 3l10 10M13 3L3 13" fill="none" stroke="currentColor" strokeWidth="2" />,
  question: (
    <>
      <path d="M5.5 5.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5v.7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8" cy="12.8" r="1" fill="currentColor" />
    </>
  ),
};

/** Tình trạng hiệu lực in words with its icon. */
export function ValidityStatus({ status }: { status: Status | null }) {
  const p = presentValidity(status);
  return (
    <span className="inline-flex items-center gap-1.5 font-semibold" data-validity={status ?? "unknown"}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" className="shrink-0">
        {ICONS[p.icon]}
      </svg>
      {p.vi}
    </span>
  );
}
