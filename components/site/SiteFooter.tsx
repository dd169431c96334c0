import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryHref } from "@/lib/i18n/routes";
import type { CategoryDto } from "@/lib/dal/public/posts";
import type { PublicMenuLink } from "@/lib/dal/public/menus";
import type { SiteProfileDto } from "@/lib/dal/public/site";
import { MenuLink } from "./MenuLink";

type Props = {
  profile: Omit<SiteProfileDto, "logo" | "version" | "language">;
  footerMenu: PublicMenuLink[];
  links: PublicMenuLink[];
  categories: Pick<CategoryDto, "name" | "slug">[];
  accessibilityStatement: { href: string; title: string } | null;
  language?: Language;
};

const HEADING = "text-base font-bold text-ink";
// 44 px high on touch screens: a line of text and its padding.
const LINK = "inline-block py-2.5 underline underline-offset-4 hover:decoration-2 sm:py-1";

/** `tel:` wants the digits and a leading +, nothing else. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

function ContactLine({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline font-semibold text-ink">{label}:</dt> <dd className="inline">{children}</dd>
    </div>
  );
}

/**
 * The footer of every public page: the agency and how to reach it (site settings), the footer menu
 * with the accessibility statement, the categories, the "Liên kết" list of related sites, and the
 * copyright and source lines.
 */
export function SiteFooter({ profile, footerMenu, links, categories, accessibilityStatement, language = "vi" }: Props) {
  const words = wordsFor(language).footer;
  // The statement is always last; the footer menu may name it too.
  const info = accessibilityStatement ? footerMenu.filter((link) => link.href !== accessibilityStatement.href) : footerMenu;
  return (
    <footer className="site-footer no-print mt-12 border-t-4 border-brand bg-surface text-muted">
      <div className="mx-auto grid max-w-6xl gap-x-8 gap-y-6 px-4 py-8 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="chan-trang-lien-he">
          <h2 id="chan-trang-lien-he" className="text-lg font-bold text-ink">
            {profile.name}
          </h2>
          {profile.parent && <p>{profile.parent}</p>}
          <dl className="mt-2 space-y-1">
            {profile.address && <ContactLine label={words.address}>{profile.address}</ContactLine>}
            {profile.phone && (
              <ContactLine label={words.phone}>
                <a href={telHref(profile.phone)} className="underline underline-offset-4">
                  {profile.phone}
                </a>
              </ContactLine>
            )}
            {profile.hotline && (
              <ContactLine label={words.hotline}>
                <a href={telHref(profile.hotline)} className="underline underline-offset-4">
                  {profile.hotline}
                </a>
              </ContactLine>
            )}
            {profile.email && (
              <ContactLine label={words.email}>
                <a href={`mailto:${profile.email}`} className="underline underline-offset-4 [overflow-wrap:anywhere]">
                  {profile.email}
                </a>
              </ContactLine>
            )}
            {profile.workingHours && <ContactLine label={words.workingHours}>{profile.workingHours}</ContactLine>}
          </dl>
        </section>

        {(info.length > 0 || accessibilityStatement) && (
          <nav aria-labelledby="chan-trang-thong-tin">
            <h2 id="chan-trang-thong-tin" className={HEADING}>
              {words.information}
            </h2>
            <ul className="mt-1">
              {info.map((link, index) => (
                <li key={`${index}-${link.href}`}>
                  <MenuLink language={language} link={link} className={LINK} />
                </li>
              ))}
              {accessibilityStatement && (
                <li>
                  <Link href={accessibilityStatement.href} className={LINK}>
                    {accessibilityStatement.title}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}

        {categories.length > 0 && (
          <nav aria-labelledby="chan-trang-chuyen-muc">
            <h2 id="chan-trang-chuyen-muc" className={HEADING}>
              {words.categories}
            </h2>
            <ul className="mt-1">
              {categories.map((category) => (
                <li key={category.slug}>
                  <Link href={categoryHref(category.slug, language)} className={LINK}>
                    {category.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}

        {links.length > 0 && (
          <nav aria-labelledby="chan-trang-lien-ket">
            <h2 id="chan-trang-lien-ket" className={HEADING}>
              {words.links}
            </h2>
            <ul className="mt-1">
              {links.map((link, index) => (
                <li key={`${index}-${link.href}`}>
                  <MenuLink language={language} link={link} className={LINK} />
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      <div className="border-t border-line">
        <div className="mx-auto max-w-6xl space-y-1 px-4 py-4 text-sm">
          {profile.copyright && <p>{profile.copyright}</p>}
          {profile.sourceNote && <p>{profile.sourceNote}</p>}
          {/* Dates on the pages are Vietnam time; said once per page, here. */}
          <p>{words.timeZone}</p>
        </div>
      </div>
    </footer>
  );
}
