import Link from "next/link";
import type { Metadata } from "next";
import type { Language } from "@/db/vocabulary";
import { LeadStory, ThumbStory, TitleStory } from "@/components/home/Stories";
import { MenuLink } from "@/components/site/MenuLink";
import { getHomePage } from "@/lib/dal/public/home";
import { getPublicMenu } from "@/lib/dal/public/menus";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryHref, homeListingHref, ROUTES } from "@/lib/i18n/routes";
import { languageAlternates } from "@/lib/i18n/alternates";

const SECTION_HEADING = "mb-1 border-b-2 border-brand pb-2 text-2xl font-bold";
const MORE = "inline-flex min-h-11 items-center font-semibold underline underline-offset-4";

/** Both sites have a home page: each is the other's translation. */
export function homeMetadata(language: Language): Metadata {
  return {
    alternates: {
      canonical: ROUTES[language].home,
      languages: languageAlternates({ vi: ROUTES.vi.home, en: ROUTES.en.home }),
      types: feedAlternateTypes(undefined, getSiteProfile(language).name, language),
    },
  };
}

/**
 * A site's home page as editors arrange it (/admin/home, per language): the featured stories (the
 * first one large), the latest news, a block per chosen category, and beside them the
 * announcements and the "Liên kết" list. `/trang/2` (`/en/page/2`)… continue the latest news.
 */
export function HomeView({ language }: { language: Language }) {
  const profile = getSiteProfile(language);
  const home = getHomePage(language);
  const links = getPublicMenu("links", language);
  const words = wordsFor(language).home;
  const [lead, ...others] = home.featured;
  return (
    <>
      <h1 className="sr-only">{words.title(profile.name)}</h1>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-x-10 gap-y-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-10">
          {lead && (
            <section aria-labelledby="tin-noi-bat">
              <h2 id="tin-noi-bat" className={`${SECTION_HEADING} mb-4`}>
                {words.featured}
              </h2>
              <LeadStory post={lead} language={language} />
              {others.length > 0 && (
                <ul className="mt-4 grid gap-x-6 border-t border-line sm:grid-cols-2">
                  {others.map((post) => (
                    <li key={post.id} className="border-b border-line">
                      <ThumbStory post={post} language={language} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <section aria-labelledby="tin-moi">
            <h2 id="tin-moi" className={SECTION_HEADING}>
              {words.latest}
            </h2>
            {home.latest.length === 0 ? (
              <p className="py-4 text-muted">{words.empty}</p>
            ) : (
              <ul className="divide-y divide-line">
                {home.latest.map((post) => (
                  <li key={post.id}>
                    <ThumbStory post={post} withLead language={language} />
                  </li>
                ))}
              </ul>
            )}
            {home.latestPage.pageCount > 1 && (
              <p className="mt-2">
                <Link href={homeListingHref(language, 2)} className={MORE}>
                  {words.older}
                </Link>
              </p>
            )}
          </section>

          {home.blocks.map(({ category, posts }) => (
            <section key={category.id} aria-labelledby={`chuyen-muc-${category.id}`}>
              <h2 id={`chuyen-muc-${category.id}`} className={SECTION_HEADING}>
                <Link href={categoryHref(category.slug, language)} className="text-ink underline-offset-4 hover:underline">
                  {category.name}
                </Link>
              </h2>
              <ul className="divide-y divide-line">
                {posts.map((post, index) => (
                  <li key={post.id}>{index === 0 ? <ThumbStory post={post} withLead language={language} /> : <TitleStory post={post} language={language} />}</li>
                ))}
              </ul>
              <p className="mt-1">
                <Link href={categoryHref(category.slug, language)} className={MORE}>
                  {words.allOfCategory(category.name)}
                </Link>
              </p>
            </section>
          ))}
        </div>

        {(home.announcements || links.length > 0) && (
          <aside aria-label={words.aside} className="flex min-w-0 flex-col gap-10">
            {home.announcements && (
              <section aria-labelledby="thong-bao">
                <h2 id="thong-bao" className={SECTION_HEADING}>
                  {words.announcements}
                </h2>
                {home.announcements.posts.length === 0 ? (
                  <p className="py-3 text-muted">{words.noAnnouncements}</p>
                ) : (
                  <ul className="divide-y divide-line">
                    {home.announcements.posts.map((post) => (
                      <li key={post.id}>
                        <TitleStory post={post} language={language} />
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-1">
                  <Link href={categoryHref(home.announcements.category.slug, language)} className={MORE}>
                    {words.allAnnouncements}
                  </Link>
                </p>
              </section>
            )}
            {links.length > 0 && (
              <section aria-labelledby="lien-ket">
                <h2 id="lien-ket" className={SECTION_HEADING}>
                  {words.links}
                </h2>
                <ul className="divide-y divide-line">
                  {links.map((link, index) => (
                    <li key={`${index}-${link.href}`}>
                      <MenuLink language={language} link={link} className="block py-2.5 font-semibold underline-offset-4 hover:underline" />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </aside>
        )}
      </div>
    </>
  );
}
