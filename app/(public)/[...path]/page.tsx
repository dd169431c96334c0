import { StandingPageRoute, standingPageMetadata } from "@/components/site/views/StandingPageRoute";

type Props = { params: Promise<{ path: string[] }> };

export const generateMetadata = async ({ params }: Props) => standingPageMetadata((await params).path, "vi");

/** A standing page, at its path in the tree (`/gioi-thieu/co-cau-to-chuc`). */
export default async function StandingPage({ params }: Props) {
  return <StandingPageRoute segments={(await params).path} language="vi" />;
}
