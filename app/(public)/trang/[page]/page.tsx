import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePageParam } from "@/lib/routing/page-param";
import { HomeListing } from "../../home-listing";

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Tin tức – trang ${(await params).page}` };
}

export default async function HomePageN({ params }: Props) {
  const page = parsePageParam((await params).page);
  // Page 1 is redirected to "/" by next.config.ts before it gets here.
  if (page === null || page < 2) notFound();
  return <HomeListing page={page} />;
}
