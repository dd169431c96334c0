import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import type { PublicMenuLink } from "@/lib/dal/public/menus";

/** The marker of a link that leaves the site: an arrow out of a box, for the eye; words for screen readers. */
export function ExternalMark({ language = "vi" }: { language?: Language }) {
  return (
    <>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" className="ml-1 inline-block size-[0.85em] shrink-0 fill-current align-[-0.05em]">
        <path d="M9 2h5v5h-1.5V4.56L7.53 9.53 6.47 8.47l4.97-4.97H9V2ZM3 4.5A1.5 1.5 0 0 1 4.5 3H7v1.5H4.5v7h7V9H13v2.5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 11.5v-7Z" />
      </svg>
      <span className="sr-only">{wordsFor(language).site.externalLink}</span>
    </>
  );
}

/**
 * One menu entry as a link. An address outside the site is a plain <a> that sends no referrer and
 * gives the new page no handle on this one, and says it leaves the site; the others are site links.
 */
export function MenuLink({ link, className, language = "vi" }: { link: Pick<PublicMenuLink, "label" | "href" | "external">; className?: string; language?: Language }) {
  if (link.external || /^https?:\/\//i.test(link.href)) {
    return (
      <a href={link.href} rel="noopener noreferrer" className={className} data-external={link.external ? "" : undefined}>
        {link.label}
        {link.external && <ExternalMark language={language} />}
      </a>
    );
  }
  return (
    <Link href={link.href} className={className}>
      {link.label}
    </Link>
  );
}
