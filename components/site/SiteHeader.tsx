import Link from "next/link";
import type { CategoryDto } from "@/lib/dal/public/posts";
import { site } from "@/lib/site";
import { HeaderSearch } from "./HeaderSearch";

export function SiteHeader({ categories }: { categories: Pick<CategoryDto, "name" | "slug">[] }) {
  return (
    <header className="on-brand no-print bg-brand text-brand-ink border-b-4 border-line">
      <a
        href="#noi-dung"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-page focus:p-3 focus:text-ink"
      >
        Bỏ qua, đến nội dung chính
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-x-6 gap-y-3 px-4 py-4">
        <div className="min-w-0">
          <p className="text-sm uppercase tracking-wide">{site.parent}</p>
          <Link href="/" className="text-2xl font-bold text-brand-ink no-underline sm:text-3xl">
            {site.name}
          </Link>
        </div>
        <HeaderSearch />
      </div>
      <nav aria-label="Chuyên mục" className="border-t border-brand-ink/40">
        {/* A long category name must wrap, not push a 320 px page sideways. */}
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 [overflow-wrap:anywhere]">
          <li>
            <Link href="/" className="inline-block px-2 py-3 font-semibold text-brand-ink underline-offset-4 hover:underline">
              Trang chủ
            </Link>
          </li>
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                href={`/chuyen-muc/${category.slug}`}
                className="inline-block max-w-full px-2 py-3 font-semibold text-brand-ink underline-offset-4 hover:underline"
              >
                {category.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
