import type { Language } from "@/db/vocabulary";
import { getLanguageSwitchHref } from "@/lib/dal/public/language-switch";
import { ACCESSIBILITY_STATEMENT_PATH, getPublicMenu, getPublicPageLink } from "@/lib/dal/public/menus";
import { getCategories } from "@/lib/dal/public/posts";
import { getSiteProfile } from "@/lib/dal/public/site";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";

/**
 * What every public page of one language's site has around its content: the header with that
 * site's menu and the switcher to the other language (from the address being rendered), and the
 * footer. The Vietnamese and English layouts are this with their language.
 */
export function PublicChrome({ language, path, children }: { language: Language; path: string; children: React.ReactNode }) {
  const profile = getSiteProfile(language);
  return (
    <>
      <SiteHeader profile={profile} menu={getPublicMenu("header", language)} language={language} switchHref={getLanguageSwitchHref(path)} />
      <main id="noi-dung" className="mx-auto max-w-6xl px-4 pb-6 pt-3 sm:pt-6">
        {children}
      </main>
      <SiteFooter
        profile={profile}
        footerMenu={getPublicMenu("footer", language)}
        links={getPublicMenu("links", language)}
        categories={getCategories(language)}
        accessibilityStatement={getPublicPageLink(ACCESSIBILITY_STATEMENT_PATH[language], language)}
        language={language}
      />
    </>
  );
}
