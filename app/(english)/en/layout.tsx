import type { Metadata } from "next";
import { PublicChrome } from "@/components/site/PublicChrome";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { requestPath } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  // The English site's feed (the root layout already titles pages with the English profile's name).
  return { alternates: { types: feedAlternateTypes(undefined, getSiteProfile("en").name, "en") } };
}

/** The English site's pages, under /en: the same components as the Vietnamese site, in English. */
export default async function EnglishLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicChrome language="en" path={await requestPath()}>
      {children}
    </PublicChrome>
  );
}
