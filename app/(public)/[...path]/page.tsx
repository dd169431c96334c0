import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { PageView } from "@/components/article/PageView";
import { getCitedDocuments } from "@/lib/dal/documents";
import { audioEnabled } from "@/lib/config/audio";
import { getArticleAudio } from "@/lib/dal/audio/public";
import { getPublicPage } from "@/lib/dal/public/pages";
import { isSlugLike } from "@/lib/routing/page-param";

type Props = { params: Promise<{ path: string[] }> };

async function lookup(segments: string[]) {
  return segments.every(isSlugLike) ? getPublicPage(segments.join("/")) : ({ kind: "missing" } as const);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookup((await params).path);
  if (found.kind !== "page") return { title: "Không tìm thấy trang" };
  return { title: found.page.title, description: found.page.lead || undefined, alternates: { canonical: found.page.href } };
}

/** A standing page, at its path in the tree (`/gioi-thieu/co-cau-to-chuc`). */
export default async function StandingPage({ params }: Props) {
  const found = await lookup((await params).path);
  if (found.kind === "redirect") permanentRedirect(`/${found.path}`);
  if (found.kind === "missing") notFound();
  const { page } = found;
  // A page's slug is its whole path: the audio job refreshes it under that name when its recording is made.
  const audio = audioEnabled() ? getArticleAudio({ id: page.id, slug: page.path }) : undefined;
  return <PageView page={page} audio={audio} citedDocuments={getCitedDocuments(page.id)} />;
}
