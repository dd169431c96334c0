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
import { KINDS } from "@/lib/content/kinds";
import { siteUrl } from "@/lib/site";
import { wordsFor } from "@/lib/i18n/dictionary";
import { categoryHref, ROUTES } from "@/lib/i18n/routes";

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
  const language = article.language ?? "vi";
  const words = wordsFor(language);
  const url = `${siteUrl()}${KINDS.post.href(article.slug, language)}`;
  return (
    <div className="min-w-0">
      <PageScript nonce={scriptNonce} />
      <Breadcrumb language={language} items={[{ label: words.breadcrumb.home, href: ROUTES[language].home }, ...(article.category ? [{ label: article.category.name, href: categoryHref(article.category.slug, language) }] : [])]} />
      <article data-read-aloud-root className="mt-4 max-w-3xl">
        <p className="date-line text-muted" data-read-skip>
          <time dateTime={article.publishedAt}>{words.dateLine(new Date(article.publishedAt))}</time>
        </p>
        <ContentReaderToolbar contentId={article.id} audio={audio} language={language} />
        <h1 className="mt-4 text-3xl font-bold leading-tight sm:text-4xl">{article.title}</h1>
        <CorrectionNotices notices={corrections} language={language} />
        {article.lead && <p className="lead mt-4 text-lg font-bold leading-relaxed">{article.lead}</p>}
        <FeaturedFigure image={article.image} caption={article.imageCaption} />
        <div className="article-body mt-6" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.source && <p className="source mt-6 text-right font-bold">{article.source}</p>}
        <CitedDocuments documents={citedDocuments} heading={words.article.citedDocuments} />
        <ShareTools url={url} words={words.reader.share} />
        <p className="print-url mt-6 hidden text-sm print:block" data-read-skip>
          {words.article.printAddress} {url}
        </p>
      </article>
    </div>
  );
}
