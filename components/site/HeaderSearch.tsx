import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { ROUTES } from "@/lib/i18n/routes";
import { SEARCH_PARAM } from "@/lib/search/params";

/**
 * The search box of every public page: a plain GET form, so it works without JavaScript. The
 * header has two (beside the menu on wide screens, inside it on phones), hence the id.
 */
export function HeaderSearch({ id = "header-search-q", language = "vi" }: { id?: string; language?: Language }) {
  const words = wordsFor(language).site;
  return (
    <form method="get" action={ROUTES[language].search} role="search" aria-label={words.searchRegion} className="flex w-full min-w-0 gap-2 md:w-auto">
      <label htmlFor={id} className="sr-only">
        {words.search}
      </label>
      <input
        id={id}
        name={SEARCH_PARAM.q}
        type="search"
        maxLength={400}
        placeholder={words.searchPlaceholder}
        className="min-h-11 w-full min-w-0 rounded-md border border-brand-ink bg-page px-3 text-ink placeholder:text-muted sm:w-56"
      />
      <button
        type="submit"
        className="min-h-11 shrink-0 rounded-md border border-brand-ink px-3 font-semibold text-brand-ink underline-offset-4 hover:underline"
      >
        {words.search}
      </button>
    </form>
  );
}
