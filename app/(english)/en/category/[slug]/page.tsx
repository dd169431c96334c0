import { CategoryListing, categoryMetadata } from "@/components/site/views/CategoryListing";

type Props = { params: Promise<{ slug: string }> };

export const generateMetadata = async ({ params }: Props) => categoryMetadata((await params).slug, "en");

export default async function EnglishCategoryPage({ params }: Props) {
  return <CategoryListing slug={(await params).slug} language="en" />;
}
