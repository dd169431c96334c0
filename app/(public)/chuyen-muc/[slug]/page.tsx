import type { Metadata } from "next";
import { getSiteProfile } from "@/lib/dal/public/site";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { CategoryListing, findCategory } from "./category-listing";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await findCategory((await params).slug);
  if (!category) return { title: "Không tìm thấy chuyên mục" };
  return {
    title: category.name,
    alternates: { canonical: `/chuyen-muc/${category.slug}`, types: feedAlternateTypes(category, getSiteProfile().name) },
  };
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing slug={(await params).slug} page={1} />;
}
