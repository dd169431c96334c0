import { SiteFooter } from "@/components/site/SiteFooter";
import { SiteHeader } from "@/components/site/SiteHeader";
import type { Metadata } from "next";
import { getCategories } from "@/lib/dal/public/posts";
import { feedAlternateTypes } from "@/lib/feeds/links";

// Every public page points feed readers at the site feed; category and article pages add their category's.
export const metadata: Metadata = { alternates: { types: feedAlternateTypes() } };

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const categories = await getCategories();
  return (
    <>
      <SiteHeader categories={categories} />
      <main id="noi-dung" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
