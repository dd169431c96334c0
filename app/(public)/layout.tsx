import type { Metadata } from "next";
import { PublicChrome } from "@/components/site/PublicChrome";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { requestPath } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  // Every public page points feed readers at the site feed; category and article pages add their category's.
  return { alternates: { types: feedAlternateTypes(undefined, getSiteProfile().name) } };
}

/** The Vietnamese site's pages. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicChrome language="vi" path={await requestPath()}>
      {children}
    </PublicChrome>
  );
}
