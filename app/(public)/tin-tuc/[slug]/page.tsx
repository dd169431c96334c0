import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { RelatedPosts } from "@/components/article/RelatedPosts";
import { audioEnabled } from "@/lib/config/audio";
import { getArticleAudio } from "@/lib/dal/audio/public";
import { getCitedDocuments } from "@/lib/dal/documents";
import { getCorrectionNotices } from "@/lib/dal/public/corrections";
import { getArticle, getRelatedPosts } from "@/lib/dal/public/posts";
import { getSiteProfile } from "@/lib/dal/public/site";
import { isSlugLike } from "@/lib/routing/page-param";
import { articleMetadata, newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/article";
import { siteUrl } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

async function lookup(slug: string) {
  return isSlugLike(slug) ? getArticle(slug) : ({ kind: "missing" } as const);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookup((await params).slug);
  if (found.kind !== "article") return { title: "Không tìm thấy bài viết" };
  return articleMetadata(found.article, siteUrl(), getSiteProfile().name);
}

export default async function ArticlePage({ params }: Props) {
  const found = await lookup((await params).slug);
  if (found.kind === "redirect") permanentRedirect(`/tin-tuc/${found.slug}`);
  if (found.kind === "missing") notFound();
  const { article } = found;
  const related = article.categoryId !== null ? getRelatedPosts(article.categoryId, article.id) : [];
  const corrections = getCorrectionNotices(article);
  const audio = audioEnabled() ? getArticleAudio(article) : undefined;
  return (
    <>
      {/* Escaped JSON, not script: search engines read it, browsers never run it. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(newsArticleJsonLd(article, siteUrl(), getSiteProfile().name)) }} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <ArticleView article={article} corrections={corrections} audio={audio} citedDocuments={getCitedDocuments(article.id)} />
        {article.category && <RelatedPosts posts={related} category={article.category} />}
      </div>
    </>
  );
}
