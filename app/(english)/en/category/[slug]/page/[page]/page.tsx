import { CategoryListing, categoryMetadata } from "@/components/site/views/CategoryListing";

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return categoryMetadata(slug, "en", page);
}

export default async function EnglishCategoryPageN({ params }: Props) {
  const { slug, page } = await params;
  return <CategoryListing slug={slug} rawPage={page} language="en" />;
}
