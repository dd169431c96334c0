import type { Metadata, Viewport } from "next";
import { getSiteProfile, iconVersion } from "@/lib/dal/public/site";
import { HTML_LANG } from "@/lib/i18n/routes";
import { requestLanguage } from "@/lib/i18n/request";
import { PREPAINT_SCRIPT } from "@/lib/reader/preferences";
import { wordsFor } from "@/lib/i18n/dictionary";
import { siteUrl } from "@/lib/site";
import "./globals.css";

/**
 * The agency's name (site settings) in every title, and the site's icons: made from the logo, or
 * the default star (app/favicon.ico, app/apple-touch-icon.png). Their addresses carry the logo's
 * version, so a new logo reaches browsers with the pages a settings save refreshes.
 */
export async function generateMetadata(): Promise<Metadata> {
  const language = await requestLanguage();
  const profile = getSiteProfile(language);
  const v = iconVersion(profile);
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: profile.name, template: `%s | ${profile.name}` },
    description: wordsFor(language).site.description(profile.name),
    icons: {
      icon: [{ url: `/favicon.ico?v=${v}`, sizes: "16x16 32x32 48x48", type: "image/x-icon" }],
      apple: [{ url: `/apple-touch-icon.png?v=${v}`, sizes: "180x180", type: "image/png" }],
    },
  };
}

/*
 * Every page is rendered on request, none at build time (the build has no database). Public pages
 * are then kept by the server under the tags of what they show (lib/server/public-pages.ts), which
 * is the one cache of rendered pages; staff pages are per person and never kept.
 */
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * `lang` from the address (lib/i18n/request.ts): one root layout for both sites. Multiple root
 * layouts (a route group per language) would have moved the staff area too, and a full reload
 * between the sites, which they are anyway (public pages ship no client router).
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const language = await requestLanguage();
  return (
    // The pre-paint script sets the reader's text size and contrast on <html> before React hydrates.
    <html lang={HTML_LANG[language]} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: PREPAINT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-page font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
