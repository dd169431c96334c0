import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import type { Language } from "@/db/vocabulary";
import { PageView } from "@/components/article/PageView";
import { audioEnabled } from "@/lib/config/audio";
import { KINDS } from "@/lib/content/kinds";
import { getArticleAudio } from "@/lib/dal/audio/public";
import { getCitedDocuments } from "@/lib/dal/documents";
import { getPublicPage } from "@/lib/dal/public/pages";
import { wordsFor } from "@/lib/i18n/dictionary";
import { isSlugLike } from "@/lib/routing/page-param";
import { languageAlternates } from "@/lib/i18n/alternates";

async function lookup(segments: string[], language: Language) {
  return segments.every(isSlugLike) ? getPublicPage(segments.join("/"), language) : ({ kind: "missing" } as const);
}

export async function standingPageMetadata(segments: string[], language: Language): Promise<Metadata> {
  const found = await lookup(segments, language);
  if (found.kind !== "page") return { title: wordsFor(language).notFound.title };
  const { page } = found;
  return { title: page.title, description: page.lead || undefined, alternates: { canonical: page.href, languages: languageAlternates(page.translations) } };
}

/** A standing page of one site, at its path in the tree (`/gioi-thieu/co-cau-to-chuc`, `/en/about`). */
export async function StandingPageRoute({ segments, language }: { segments: string[]; language: Language }) {
  const found = await lookup(segments, language);
  if (found.kind === "redirect") permanentRedirect(KINDS.page.href(found.path, language));
  if (found.kind === "missing") notFound();
  const { page } = found;
  // A page's slug is its whole path: the audio job refreshes it under that name when its recording is made.
  const audio = audioEnabled() ? getArticleAudio({ id: page.id, slug: page.path }, language) : undefined;
  return <PageView page={page} audio={audio} language={language} citedDocuments={getCitedDocuments(page.id)} />;
}
