import type { Metadata } from "next";
import { PublicChrome } from "@/components/site/PublicChrome";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { requestPath } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  const name = getSiteProfile("en").name;
  // The English site's own title template and feed (the root layout's are the Vietnamese site's).
  return { title: { default: name, template: `%s | ${name}` }, alternates: { types: feedAlternateTypes(undefined, name, "en") } };
}

/** The English site's pages, under /en: the same components as the Vietnamese site, in English. */
export default async function EnglishLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicChrome language="en" path={await requestPath()}>
      {children}
    </PublicChrome>
  );
}
