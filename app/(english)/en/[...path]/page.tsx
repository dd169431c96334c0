import { StandingPageRoute, standingPageMetadata } from "@/components/site/views/StandingPageRoute";

type Props = { params: Promise<{ path: string[] }> };

export const generateMetadata = async ({ params }: Props) => standingPageMetadata((await params).path, "en");

/** An English standing page (`/en/about`, `/en/about/organisation`). */
export default async function EnglishStandingPage({ params }: Props) {
  return <StandingPageRoute segments={(await params).path} language="en" />;
}
