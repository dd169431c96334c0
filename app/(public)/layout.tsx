import { SiteFooter } from "@/components/site/SiteFooter";
import { SiteHeader } from "@/components/site/SiteHeader";
import type { Metadata } from "next";
import { ACCESSIBILITY_STATEMENT_PATH, getPublicMenu, getPublicPageLink } from "@/lib/dal/public/menus";
import { getCategories } from "@/lib/dal/public/posts";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";

export async function generateMetadata(): Promise<Metadata> {
  // Every public page points feed readers at the site feed; category and article pages add their category's.
  return { alternates: { types: feedAlternateTypes(undefined, getSiteProfile().name) } };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const profile = getSiteProfile();
  return (
    <>
      <SiteHeader profile={profile} menu={getPublicMenu("header")} />
      <main id="noi-dung" className="mx-auto max-w-6xl px-4 pb-6 pt-3 sm:pt-6">
        {children}
      </main>
      <SiteFooter
        profile={profile}
        footerMenu={getPublicMenu("footer")}
        links={getPublicMenu("links")}
        categories={getCategories()}
        accessibilityStatement={getPublicPageLink(ACCESSIBILITY_STATEMENT_PATH)}
      />
    </>
  );
}
