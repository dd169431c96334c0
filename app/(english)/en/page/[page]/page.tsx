import { HomeListing, homeListingMetadata } from "@/components/site/views/HomeListing";

type Props = { params: Promise<{ page: string }> };

export const generateMetadata = async ({ params }: Props) => homeListingMetadata((await params).page, "en");

export default async function EnglishHomePageN({ params }: Props) {
  return <HomeListing rawPage={(await params).page} language="en" />;
}
