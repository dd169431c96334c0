import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { parsePageParam } from "@/lib/routing/page-param";
import { CategoryListing, findCategory } from "../../category-listing";

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const category = await findCategory(slug);
  if (!category) return { title: "Không tìm thấy chuyên mục" };
  return { title: `${category.name} – trang ${page}`, alternates: { types: feedAlternateTypes(category, getSiteProfile().name) } };
}

export default async function CategoryPageN({ params }: Props) {
  const { slug, page: rawPage } = await params;
  const page = parsePageParam(rawPage);
  // Page 1 is redirected to the category's own address by next.config.ts before it gets here.
  if (page === null || page < 2) notFound();
  return <CategoryListing slug={slug} page={page} />;
}
