import type { DiffPart } from "@/lib/revisions/diff";

/**
 * A word diff as text with <ins> and <del>. Underline and strike-through carry the meaning along
 * with the colour, and screen readers hear "đã thêm" / "đã xoá" around each change.
 */
export function TextDiff({ parts }: { parts: DiffPart[] }) {
  if (parts.length === 0) return <p className="text-muted">(trống)</p>;
  return (
    <p className="whitespace-pre-wrap leading-relaxed">
      {parts.map((part, index) => {
        // The parts are fixed for a render and have no identity of their own: their place is the key.
        if (part.kind === "same") return <span key={index}>{part.text}</span>;
        if (part.kind === "added") {
          return (
            <ins key={index} className="bg-green-100 text-green-950 underline decoration-2 underline-offset-2">
              <span className="sr-only">[đã thêm: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        return (
          <del key={index} className="bg-red-100 text-red-950 line-through decoration-2">
            <span className="sr-only">[đã xoá: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        );
      })}
    </p>
  );
}
