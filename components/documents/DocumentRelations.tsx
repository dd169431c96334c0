import Link from "next/link";
import type { PublicDocument, RelatedDocument } from "@/lib/dal/documents";
import { formatCalendarDay } from "@/lib/vi/calendar-day";

const GROUPS: Array<[keyof PublicDocument["relations"], string]> = [
  ["replaces", "Văn bản này thay thế"],
  ["amends", "Văn bản này sửa đổi, bổ sung"],
  ["replacedBy", "Được thay thế bởi"],
  ["amendedBy", "Được sửa đổi, bổ sung bởi"],
];

function Related({ item }: { item: RelatedDocument }) {
  return (
    <li>
      <Link href={item.href} className="font-semibold text-link underline underline-offset-4">
        {item.number}
      </Link>{" "}
      ({formatCalendarDay(item.issuedOn)}): {item.title}
    </li>
  );
}

/** Văn bản liên quan, both directions: those this one replaces or amends, and those that replace or amend it. */
export function DocumentRelations({ relations }: { relations: PublicDocument["relations"] }) {
  const groups = GROUPS.filter(([key]) => relations[key].length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="van-ban-lien-quan" className="mt-8 border-t border-line pt-4">
      <h2 id="van-ban-lien-quan" className="text-xl font-bold">
        Văn bản liên quan
      </h2>
      {groups.map(([key, label]) => (
        <div key={key} className="mt-3">
          <h3 className="font-semibold">{label}</h3>
          <ul className="mt-1 list-disc pl-6">
            {relations[key].map((item) => (
              <Related key={item.id} item={item} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
