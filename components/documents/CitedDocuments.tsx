import Link from "next/link";
import type { CitedDocument } from "@/lib/dal/documents";

/** "Văn bản liên quan" under a news post or a page: each picked document's number, type and summary, linked to its record. */
export function CitedDocuments({ documents, heading = "Văn bản liên quan" }: { documents: CitedDocument[]; heading?: string }) {
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="van-ban-lien-quan-bai" className="cited-documents mt-8 border-t border-line pt-4">
      <h2 id="van-ban-lien-quan-bai" className="text-xl font-bold">
        {heading}
      </h2>
      <ul className="mt-2 flex flex-col gap-3">
        {documents.map((d) => (
          <li key={d.id}>
            <Link href={d.href} className="font-semibold text-link underline underline-offset-4">
              {d.type} {d.number}
            </Link>
            <p className="mt-1">{d.title}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
