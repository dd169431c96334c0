import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { ROUTES } from "@/lib/i18n/routes";
import type { PublicMenuLink } from "@/lib/dal/public/menus";
import type { SiteProfileDto } from "@/lib/dal/public/site";
import { HeaderSearch } from "./HeaderSearch";
import { LanguageSwitch } from "./LanguageSwitch";
import { MainMenu, MobileMenu } from "./MainMenu";

/** The logo beside the name: decorative there (the name is the link's text), sized by the text. */
function Logo({ logo }: { logo: NonNullable<SiteProfileDto["logo"]> }) {
  // Shown 3.5rem high at most: the smallest rendition (480 px wide) is already sharp on any screen at that size.
  const width = Math.round((56 * logo.width) / logo.height);
  return (
    <picture>
      {logo.srcsetWebp && <source type="image/webp" srcSet={logo.srcsetWebp} sizes={`${width}px`} />}
      <img src={logo.src} srcSet={logo.srcsetFallback || undefined} sizes={`${width}px`} width={width} height={56} alt="" className="h-10 w-auto max-w-[40vw] shrink-0 object-contain sm:h-14" />
    </picture>
  );
}

/**
 * The header of every public page: who publishes the site (from the site settings) and the header
 * menu (from the menu editor). On narrow screens the menu and the search box fold into one
 * <details> button, which opens and closes without JavaScript; on wide ones the menu is a row,
 * and an entry with entries of its own opens them as a <details> list. The language switcher is
 * beside the search box on wide screens and at the top of the folded menu on phones.
 */
export function SiteHeader({
  profile,
  menu,
  language = "vi",
  switchHref,
}: {
  profile: Pick<SiteProfileDto, "name" | "parent" | "logo">;
  menu: PublicMenuLink[];
  language?: Language;
  switchHref: string;
}) {
  return (
    <header className="site-header on-brand no-print relative border-b-4 border-line bg-brand text-brand-ink">
      <a
        href="#noi-dung"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:bg-page focus:p-3 focus:text-ink"
      >
        {wordsFor(language).site.skipToContent}
      </a>
      <div className="relative mx-auto max-w-6xl">
        {/* On phones the menu button sits at the right of this row; the padding keeps a long name clear of it. */}
        <div className="flex items-center justify-between gap-x-6 gap-y-3 py-2 pl-4 pr-[8.5rem] sm:py-4 md:pr-4">
          <Link href={ROUTES[language].home} className="flex min-w-0 items-center gap-3 text-brand-ink no-underline">
            {profile.logo && <Logo logo={profile.logo} />}
            <span className="min-w-0">
              {profile.parent && <span className="block text-xs uppercase tracking-wide sm:text-sm">{profile.parent}</span>}
              <span className="block text-lg font-bold leading-tight sm:text-3xl">{profile.name}</span>
            </span>
          </Link>
          <div className="hidden items-center gap-x-5 md:flex">
            <LanguageSwitch language={language} href={switchHref} />
            <HeaderSearch language={language} />
          </div>
        </div>
        <MobileMenu menu={menu} language={language} switchHref={switchHref} />
      </div>
      <MainMenu menu={menu} language={language} />
    </header>
  );
}
