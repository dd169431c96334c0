import { Breadcrumb } from "@/components/site/Breadcrumb";
import { ContentReaderToolbar } from "@/components/reader/ContentReaderToolbar";
import { PageScript } from "@/components/site/PageScript";
import { CorrectionNotices } from "./CorrectionNotices";
import { FeaturedFigure } from "./FeaturedFigure";
import { CitedDocuments } from "@/components/documents/CitedDocuments";
import type { CitedDocument } from "@/lib/dal/documents";
import { ShareTools } from "./ShareTools";
import type { ArticleAudio } from "@/lib/dal/audio/public";
import type { CorrectionNotice } from "@/lib/dal/public/corrections";
import type { Article } from "@/lib/dal/public/posts";
import { siteUrl } from "@/lib/site";
import { formatDateLine } from "@/lib/vi/date-line";

/** The article as the agency lays it out: date line, reader toolbar, title, corrections, lead, body, source. */
/** `scriptNonce`: staff previews pass their CSP nonce so the page script may run there too. `audio`: the read-aloud recording, public pages only. */
export function ArticleView({
  article,
  corrections = [],
  scriptNonce,
  audio,
  citedDocuments = [],
}: {
  article: Article;
  corrections?: CorrectionNotice[];
  scriptNonce?: string;
  audio?: ArticleAudio;
  /** "Văn bản liên quan" picked for the article. */
  citedDocuments?: CitedDocument[];
}) {
  const url = `${siteUrl()}/tin-tuc/${article.slug}`;
  return (
    <div className="min-w-0">
      <PageScript nonce={scriptNonce} />
      <Breadcrumb items={[{ label: "Trang chủ", href: "/" }, ...(article.category ? [{ label: article.category.name, href: `/chuyen-muc/${article.category.slug}` }] : [])]} />
      <article data-read-aloud-root className="mt-4 max-w-3xl">
        <p className="date-line text-muted" data-read-skip>
          <time dateTime={article.publishedAt}>{formatDateLine(new Date(article.publishedAt))}</time>
        </p>
        <ContentReaderToolbar contentId={article.id} audio={audio} />
        <h1 className="mt-4 text-3xl font-bold leading-tight sm:text-4xl">{article.title}</h1>
        <CorrectionNotices notices={corrections} />
        {article.lead && <p className="lead mt-4 text-lg font-bold leading-relaxed">{article.lead}</p>}
        <FeaturedFigure image={article.image} caption={article.imageCaption} />
        <div className="article-body mt-6" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.source && <p className="source mt-6 text-right font-bold">{article.source}</p>}
        <CitedDocuments documents={citedDocuments} />
        <ShareTools url={url} />
        <p className="print-url mt-6 hidden text-sm print:block" data-read-skip>
          Địa chỉ bài viết: {url}
        </p>
      </article>
    </div>
  );
}
