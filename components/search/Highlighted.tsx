import type { Segment } from "@/lib/search/highlight";

// Theme variables keep the mark readable in high contrast; forced colours get the system's own mark colours.
const MARK_CLASS =
  "bg-highlight text-highlight-ink forced-colors:bg-[Mark] forced-colors:text-[MarkText] forced-colors:[forced-color-adjust:none]";

/** Text with the searched words in `<mark>`; segments are plain text, so nothing here is HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className={MARK_CLASS}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
