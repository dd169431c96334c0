import Link from "next/link";
import type { RegistryItem } from "@/lib/dal/documents";
import { formatCalendarDay } from "@/lib/vi/calendar-day";
import { ValidityStatus } from "./ValidityStatus";

/** The documents found, one entry each: number (the link), summary, type, issuing body, date issued, status. */
export function RegistryList({ items }: { items: RegistryItem[] }) {
  return (
    <ol className="mt-4 flex flex-col divide-y divide-line border-y border-line">
      {items.map((item) => (
        <li key={item.id} className="py-4">
          <p className="text-lg font-bold">
            <Link href={item.href} className="text-link underline underline-offset-4">
              {item.type} {item.number}
            </Link>
          </p>
          <p className="mt-1">{item.title}</p>
          <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
            <span>{item.issuer}</span>
            <span>
              Ban hành: <time dateTime={item.issuedOn}>{formatCalendarDay(item.issuedOn)}</time>
            </span>
            <span className="text-ink">
              <ValidityStatus status={item.status} />
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
