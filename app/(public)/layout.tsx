import { SiteFooter } from "@/components/site/SiteFooter";
import { SiteHeader } from "@/components/site/SiteHeader";
import { getCategories } from "@/lib/dal/public-posts";

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
