import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { HTML_LANG, otherLanguage } from "@/lib/i18n/routes";

/**
 * The link to the other language's site: the published translation of this page when it has one,
 * the other site's home page otherwise (lib/dal/public/language-switch.ts). Its words are in the
 * other language, marked as such, as language names are best read by those who read them.
 */
export function LanguageSwitch({ language, href }: { language: Language; href: string }) {
  const words = wordsFor(language).switchTo;
  const other = HTML_LANG[otherLanguage(language)];
  return (
    <a href={href} lang={other} hrefLang={other} data-language-switch="" className="inline-flex min-h-11 items-center gap-1.5 font-semibold text-brand-ink underline underline-offset-4">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="size-[1em] shrink-0 fill-current">
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm4.9 6.25h-2.17a11 11 0 0 0-.9-4.1 5.5 5.5 0 0 1 3.07 4.1ZM8 2.6c.6.8 1.1 2.4 1.22 4.65H6.78C6.9 5 7.4 3.4 8 2.6ZM6.17 3.15a11 11 0 0 0-.9 4.1H3.1a5.5 5.5 0 0 1 3.07-4.1ZM3.1 8.75h2.17c.07 1.5.38 2.9.9 4.1a5.5 5.5 0 0 1-3.07-4.1ZM8 13.4c-.6-.8-1.1-2.4-1.22-4.65h2.44C9.1 11 8.6 12.6 8 13.4Zm1.83-.55c.52-1.2.83-2.6.9-4.1h2.17a5.5 5.5 0 0 1-3.07 4.1Z" />
      </svg>
      {words.label}
      <span className="sr-only" lang={HTML_LANG[language]}>
        {" "}
        ({words.description})
      </span>
    </a>
  );
}
