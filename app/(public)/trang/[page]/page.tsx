import { HomeListing, homeListingMetadata } from "@/components/site/views/HomeListing";

type Props = { params: Promise<{ page: string }> };

export const generateMetadata = async ({ params }: Props) => homeListingMetadata((await params).page, "vi");

export default async function HomePageN({ params }: Props) {
  return <HomeListing rawPage={(await params).page} language="vi" />;
}
