import type { Metadata, Viewport } from "next";
import { PREPAINT_SCRIPT } from "@/lib/reader/preferences";
import { site, siteUrl } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
};

/*
 * Every page is rendered on request, none at build time (the build has no database). Public pages
 * are then kept by the server under the tags of what they show (lib/server/public-pages.ts), which
 * is the one cache of rendered pages; staff pages are per person and never kept.
 */
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The pre-paint script sets the reader's text size and contrast on <html> before React hydrates.
    <html lang="vi" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: PREPAINT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-page font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
