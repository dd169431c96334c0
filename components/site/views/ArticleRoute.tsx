import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import type { Language } from "@/db/vocabulary";
import { ArticleView } from "@/components/article/ArticleView";
import { RelatedPosts } from "@/components/article/RelatedPosts";
import { audioEnabled } from "@/lib/config/audio";
import { KINDS } from "@/lib/content/kinds";
import { getArticleAudio } from "@/lib/dal/audio/public";
import { getCitedDocuments } from "@/lib/dal/documents";
import { getCorrectionNotices } from "@/lib/dal/public/corrections";
import { getArticle, getRelatedPosts } from "@/lib/dal/public/posts";
import { getSiteProfile } from "@/lib/dal/public/site";
import { wordsFor } from "@/lib/i18n/dictionary";
import { isSlugLike } from "@/lib/routing/page-param";
import { articleMetadata, newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/article";
import { siteUrl } from "@/lib/site";

async function lookup(slug: string, language: Language) {
  return isSlugLike(slug) ? getArticle(slug, language) : ({ kind: "missing" } as const);
}

export async function articleRouteMetadata(slug: string, language: Language): Promise<Metadata> {
  const found = await lookup(slug, language);
  if (found.kind !== "article") return { title: wordsFor(language).article.notFound };
  return articleMetadata(found.article, siteUrl(), getSiteProfile(language).name);
}

/** A news article of one site, with its category's other news beside it. */
export async function ArticleRoute({ slug, language }: { slug: string; language: Language }) {
  const found = await lookup(slug, language);
  if (found.kind === "redirect") permanentRedirect(KINDS.post.href(found.slug, language));
  if (found.kind === "missing") notFound();
  const { article } = found;
  const related = article.categoryId !== null && article.category ? getRelatedPosts(article.categoryId, article.id, language) : [];
  const corrections = getCorrectionNotices(article);
  // Each language's version has its own recording, in its own voice.
  const audio = audioEnabled() ? getArticleAudio(article, language) : undefined;
  return (
    <>
      {/* Escaped JSON, not script: search engines read it, browsers never run it. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(newsArticleJsonLd(article, siteUrl(), getSiteProfile(language).name)) }} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <ArticleView article={article} corrections={corrections} audio={audio} citedDocuments={getCitedDocuments(article.id)} />
        {article.category && <RelatedPosts posts={related} category={article.category} language={language} />}
      </div>
    </>
  );
}
