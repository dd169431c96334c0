import type { Language } from "@/db/vocabulary";
import type { PublicMenuLink } from "@/lib/dal/public/menus";
import { wordsFor } from "@/lib/i18n/dictionary";
import { HeaderSearch } from "./HeaderSearch";
import { LanguageSwitch } from "./LanguageSwitch";
import { MenuLink } from "./MenuLink";

function Chevron() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="menu-chevron size-[0.8em] shrink-0 fill-current">
      <path d="M3.2 5.5 8 10.3l4.8-4.8 1 1L8 12.3 2.2 6.5l1-1Z" />
    </svg>
  );
}

/**
 * The header menu on wide screens: one row; an entry with entries under it is a <details> whose
 * panel spans the width under the row (never past the screen's edge, at any text size), and
 * whose first link is the entry's own target. `name` makes opening one close the others.
 */
export function MainMenu({ menu, language = "vi" }: { menu: PublicMenuLink[]; language?: Language }) {
  if (menu.length === 0) return null;
  return (
    <nav aria-label={wordsFor(language).site.mainMenu} className="relative hidden border-t border-brand-ink/40 md:block">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2">
        {menu.map((link, index) =>
          link.children.length === 0 ? (
            <li key={`${index}-${link.href}`}>
              <MenuLink language={language} link={link} className="inline-block px-2 py-3 font-semibold text-brand-ink underline-offset-4 hover:underline" />
            </li>
          ) : (
            <li key={`${index}-${link.href}`}>
              <details name="trinh-don-chinh" className="menu-group">
                <summary className="inline-flex min-h-11 cursor-pointer list-none items-center gap-1.5 px-2 py-3 font-semibold text-brand-ink underline-offset-4 hover:underline [&::-webkit-details-marker]:hidden">
                  {link.label}
                  <Chevron />
                </summary>
                <div className="menu-panel absolute inset-x-0 top-full z-20 border-b-4 border-brand bg-page text-ink shadow-lg">
                  <ul className="mx-auto grid max-w-6xl gap-x-6 px-4 py-3 sm:grid-cols-2 lg:grid-cols-3">
                    {[{ ...link, children: [] }, ...link.children].map((child, childIndex) => (
                      <li key={`${childIndex}-${child.href}`}>
                        <MenuLink language={language} link={child} className="block py-2 font-semibold text-ink underline underline-offset-4 hover:decoration-2" />
                      </li>
                    ))}
                  </ul>
                </div>
              </details>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

/**
 * The header menu on narrow screens, with the search box: one <details> button at the top right of
 * the header. Open, it pushes the page down (nothing covers the content), lists every entry with
 * its entries indented under it, and works the same without JavaScript.
 */
export function MobileMenu({ menu, language = "vi", switchHref }: { menu: PublicMenuLink[]; language?: Language; switchHref: string }) {
  const words = wordsFor(language).site;
  return (
    <details className="site-menu md:hidden">
      <summary className="absolute right-4 top-2 inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md border border-brand-ink px-3 font-semibold sm:top-5 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="size-[1.1em] shrink-0 fill-current">
          <path className="menu-icon-open" d="M2 3.5h12V5H2V3.5Zm0 3.75h12v1.5H2v-1.5ZM2 11h12v1.5H2V11Z" />
          <path className="menu-icon-close" d="m3.3 2.2 4.7 4.7 4.7-4.7 1.1 1.1L9.1 8l4.7 4.7-1.1 1.1L8 9.1l-4.7 4.7-1.1-1.1L6.9 8 2.2 3.3l1.1-1.1Z" />
        </svg>
        {words.menuButton}
      </summary>
      <div className="border-t border-brand-ink/40 px-4 pb-4 pt-3">
        <HeaderSearch id="header-search-q-menu" language={language} />
        {menu.length > 0 && (
          <nav aria-label={words.mainMenu} className="mt-3">
            <ul className="flex flex-col">
              {menu.map((link, index) => (
                <li key={`${index}-${link.href}`} className="border-t border-brand-ink/30 first:border-t-0">
                  <MenuLink language={language} link={link} className="block py-2.5 font-semibold text-brand-ink underline-offset-4 hover:underline" />
                  {link.children.length > 0 && (
                    <ul className="mb-2 ml-3 border-l-2 border-brand-ink/50 pl-3">
                      {link.children.map((child, childIndex) => (
                        <li key={`${childIndex}-${child.href}`}>
                          <MenuLink language={language} link={child} className="block py-2.5 text-brand-ink underline-offset-4 hover:underline" />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        )}
        {/* Last in the panel: the search box and the menu come first for this site's readers. */}
        <p className="mt-3 border-t border-brand-ink/30 pt-1">
          <LanguageSwitch language={language} href={switchHref} />
        </p>
      </div>
    </details>
  );
}
