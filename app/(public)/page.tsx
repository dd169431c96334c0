import Link from "next/link";
import { LeadStory, ThumbStory, TitleStory } from "@/components/home/Stories";
import { MenuLink } from "@/components/site/MenuLink";
import { getHomePage } from "@/lib/dal/public/home";
import { getPublicMenu } from "@/lib/dal/public/menus";
import { getSiteProfile } from "@/lib/dal/public/site";
import { homeHref } from "./home-listing";

const SECTION_HEADING = "mb-1 border-b-2 border-brand pb-2 text-2xl font-bold";
const MORE = "inline-flex min-h-11 items-center font-semibold underline underline-offset-4";

/**
 * The home page as editors arrange it (/admin/home): the featured stories (the first one large),
 * the latest news, a block per chosen category, and beside them the announcements and the
 * "Liên kết" list. `/trang/2`, `/trang/3`… continue the latest news.
 */
export default function HomePage() {
  const profile = getSiteProfile();
  const home = getHomePage();
  const links = getPublicMenu("links");
  const [lead, ...others] = home.featured;
  return (
    <>
      <h1 className="sr-only">Trang chủ – {profile.name}</h1>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-x-10 gap-y-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-10">
          {lead && (
            <section aria-labelledby="tin-noi-bat">
              <h2 id="tin-noi-bat" className={`${SECTION_HEADING} mb-4`}>
                Tin nổi bật
              </h2>
              <LeadStory post={lead} />
              {others.length > 0 && (
                <ul className="mt-4 grid gap-x-6 border-t border-line sm:grid-cols-2">
                  {others.map((post) => (
                    <li key={post.id} className="border-b border-line">
                      <ThumbStory post={post} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <section aria-labelledby="tin-moi">
            <h2 id="tin-moi" className={SECTION_HEADING}>
              Tin mới
            </h2>
            {home.latest.length === 0 ? (
              <p className="py-4 text-muted">Chưa có bài viết nào.</p>
            ) : (
              <ul className="divide-y divide-line">
                {home.latest.map((post) => (
                  <li key={post.id}>
                    <ThumbStory post={post} withLead />
                  </li>
                ))}
              </ul>
            )}
            {home.latestPage.pageCount > 1 && (
              <p className="mt-2">
                <Link href={homeHref(2)} className={MORE}>
                  Xem thêm tin cũ hơn
                </Link>
              </p>
            )}
          </section>

          {home.blocks.map(({ category, posts }) => (
            <section key={category.id} aria-labelledby={`chuyen-muc-${category.id}`}>
              <h2 id={`chuyen-muc-${category.id}`} className={SECTION_HEADING}>
                <Link href={`/chuyen-muc/${category.slug}`} className="text-ink underline-offset-4 hover:underline">
                  {category.name}
                </Link>
              </h2>
              <ul className="divide-y divide-line">
                {posts.map((post, index) => (
                  <li key={post.id}>{index === 0 ? <ThumbStory post={post} withLead /> : <TitleStory post={post} />}</li>
                ))}
              </ul>
              <p className="mt-1">
                <Link href={`/chuyen-muc/${category.slug}`} className={MORE}>
                  Xem tất cả tin {category.name}
                </Link>
              </p>
            </section>
          ))}
        </div>

        {(home.announcements || links.length > 0) && (
          <aside aria-label="Thông báo và liên kết" className="flex min-w-0 flex-col gap-10">
            {home.announcements && (
              <section aria-labelledby="thong-bao">
                <h2 id="thong-bao" className={SECTION_HEADING}>
                  Thông báo
                </h2>
                {home.announcements.posts.length === 0 ? (
                  <p className="py-3 text-muted">Chưa có thông báo.</p>
                ) : (
                  <ul className="divide-y divide-line">
                    {home.announcements.posts.map((post) => (
                      <li key={post.id}>
                        <TitleStory post={post} />
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-1">
                  <Link href={`/chuyen-muc/${home.announcements.category.slug}`} className={MORE}>
                    Xem tất cả thông báo
                  </Link>
                </p>
              </section>
            )}
            {links.length > 0 && (
              <section aria-labelledby="lien-ket">
                <h2 id="lien-ket" className={SECTION_HEADING}>
                  Liên kết
                </h2>
                <ul className="divide-y divide-line">
                  {links.map((link, index) => (
                    <li key={`${index}-${link.href}`}>
                      <MenuLink link={link} className="block py-2.5 font-semibold underline-offset-4 hover:underline" />
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
