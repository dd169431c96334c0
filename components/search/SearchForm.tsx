import type { CategoryDto } from "@/lib/dal/public/posts";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { ROUTES } from "@/lib/i18n/routes";
import { SEARCH_PARAMS, type SearchForm as SearchFormValues } from "@/lib/search/params";

const CONTROL = "min-h-11 w-full min-w-0 rounded-md border border-line bg-page px-3 text-ink";

/** The full search form: a plain GET form, so it works the same without JavaScript. */
export function SearchForm({
  values,
  categories,
  language = "vi",
}: {
  values: Pick<SearchFormValues, "q" | "categorySlug" | "from" | "to">;
  categories: Pick<CategoryDto, "name" | "slug">[];
  language?: Language;
}) {
  const words = wordsFor(language).search;
  const SEARCH_PARAM = SEARCH_PARAMS[language];
  return (
    <form method="get" action={ROUTES[language].search} role="search" aria-label={words.form} className="mt-4 flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="search-q" className="font-semibold">
          {words.keywords}
        </label>
        <p id="search-q-hint" className="text-sm text-muted">
          {words.hint}
        </p>
        <input
          id="search-q"
          name={SEARCH_PARAM.q}
          type="search"
          defaultValue={values.q}
          aria-describedby="search-q-hint"
          maxLength={400}
          className={CONTROL}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="search-category" className="font-semibold">
            {words.category}
          </label>
          <select id="search-category" name={SEARCH_PARAM.category} defaultValue={values.categorySlug ?? ""} className={CONTROL}>
            <option value="">{words.all}</option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="search-from" className="font-semibold">
            {words.from}
          </label>
          <input id="search-from" name={SEARCH_PARAM.from} type="date" defaultValue={values.from ?? ""} className={CONTROL} />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="search-to" className="font-semibold">
            {words.to}
          </label>
          <input id="search-to" name={SEARCH_PARAM.to} type="date" defaultValue={values.to ?? ""} className={CONTROL} />
        </div>
      </div>
      <div>
        <button type="submit" className="min-h-11 rounded-md bg-brand px-5 font-semibold text-brand-ink">
          {words.submit}
        </button>
      </div>
    </form>
  );
}
