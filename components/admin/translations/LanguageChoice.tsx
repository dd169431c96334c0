import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { LANGUAGE_NAMES } from "./language-names";

/**
 * Which language's version of a site-wide thing (the page tree, the menus, the home page) the
 * screen shows: plain links, the current one marked for screen readers and by its border and weight.
 */
export function LanguageChoice({ current, hrefFor, label }: { current: Language; hrefFor: (language: Language) => string; label: string }) {
  return (
    <nav aria-label={label} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((language) => (
          <li key={language}>
            <Link
              href={hrefFor(language)}
              aria-current={language === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-4 ${language === current ? "border-2 border-brand font-bold" : "border-line underline underline-offset-4"}`}
            >
              {LANGUAGE_NAMES[language]}
              {language === current && <span className="sr-only"> (đang xem)</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
