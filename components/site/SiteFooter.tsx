import Link from "next/link";
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
export function SiteFooter({ profile, footerMenu, links, categories, accessibilityStatement }: Props) {
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
            {profile.address && <ContactLine label="Địa chỉ">{profile.address}</ContactLine>}
            {profile.phone && (
              <ContactLine label="Điện thoại">
                <a href={telHref(profile.phone)} className="underline underline-offset-4">
                  {profile.phone}
                </a>
              </ContactLine>
            )}
            {profile.hotline && (
              <ContactLine label="Đường dây nóng">
                <a href={telHref(profile.hotline)} className="underline underline-offset-4">
                  {profile.hotline}
                </a>
              </ContactLine>
            )}
            {profile.email && (
              <ContactLine label="Thư điện tử">
                <a href={`mailto:${profile.email}`} className="underline underline-offset-4 [overflow-wrap:anywhere]">
                  {profile.email}
                </a>
              </ContactLine>
            )}
            {profile.workingHours && <ContactLine label="Giờ làm việc">{profile.workingHours}</ContactLine>}
          </dl>
        </section>

        {(info.length > 0 || accessibilityStatement) && (
          <nav aria-labelledby="chan-trang-thong-tin">
            <h2 id="chan-trang-thong-tin" className={HEADING}>
              Thông tin
            </h2>
            <ul className="mt-1">
              {info.map((link, index) => (
                <li key={`${index}-${link.href}`}>
                  <MenuLink link={link} className={LINK} />
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
              Chuyên mục
            </h2>
            <ul className="mt-1">
              {categories.map((category) => (
                <li key={category.slug}>
                  <Link href={`/chuyen-muc/${category.slug}`} className={LINK}>
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
              Liên kết
            </h2>
            <ul className="mt-1">
              {links.map((link, index) => (
                <li key={`${index}-${link.href}`}>
                  <MenuLink link={link} className={LINK} />
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      {(profile.copyright || profile.sourceNote) && (
        <div className="border-t border-line">
          <div className="mx-auto max-w-6xl space-y-1 px-4 py-4 text-sm">
            {profile.copyright && <p>{profile.copyright}</p>}
            {profile.sourceNote && <p>{profile.sourceNote}</p>}
          </div>
        </div>
      )}
    </footer>
  );
}
