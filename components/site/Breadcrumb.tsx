import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";

export type Crumb = { label: string; href?: string };

export function Breadcrumb({ items, language = "vi" }: { items: Crumb[]; language?: Language }) {
  return (
    <nav aria-label={wordsFor(language).breadcrumb.label} className="no-print text-muted" data-read-skip>
      <ol className="flex flex-wrap items-center gap-x-2">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex items-center gap-x-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <Link href={item.href} className="underline-offset-4 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
