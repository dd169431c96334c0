import { CategoryListing, categoryMetadata } from "@/components/site/views/CategoryListing";

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return categoryMetadata(slug, "vi", page);
}

export default async function CategoryPageN({ params }: Props) {
  const { slug, page } = await params;
  return <CategoryListing slug={slug} rawPage={page} language="vi" />;
}
