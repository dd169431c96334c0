import type { Metadata } from "next";
import { CategoryListing, findCategory } from "./category-listing";

export const dynamicParams = true;
export function generateStaticParams() {
  return []; // rendered on first request, then served from the cache until content changes
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await findCategory((await params).slug);
  return { title: category?.name ?? "Không tìm thấy chuyên mục" };
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing slug={(await params).slug} page={1} />;
}
