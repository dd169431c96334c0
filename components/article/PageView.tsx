import Link from "next/link";
import { ContentReaderToolbar } from "@/components/reader/ContentReaderToolbar";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { PageScript } from "@/components/site/PageScript";
import type { ArticleAudio } from "@/lib/dal/audio/public";
import type { PublicPage } from "@/lib/dal/public/pages";
import { siteUrl } from "@/lib/site";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { ROUTES } from "@/lib/i18n/routes";
import { FeaturedFigure } from "./FeaturedFigure";
import { CitedDocuments } from "@/components/documents/CitedDocuments";
import type { CitedDocument } from "@/lib/dal/documents";
import { ShareTools } from "./ShareTools";

/**
 * A standing page (Giới thiệu, Liên hệ…): where it sits in the tree, when it was last updated,
 * the reader toolbar, its text, and the pages below it. `scriptNonce`: staff previews pass their CSP nonce.
 * `audio`: the read-aloud recording, public pages only.
 */
export function PageView({
  page,
  scriptNonce,
  audio,
  language = "vi",
  citedDocuments = [],
}: {
  page: PublicPage;
  scriptNonce?: string;
  audio?: ArticleAudio;
  language?: Language;
  citedDocuments?: CitedDocument[];
}) {
  const words = wordsFor(language);
  const url = `${siteUrl()}${page.href}`;
  return (
    <div className="min-w-0">
      <PageScript nonce={scriptNonce} />
      <Breadcrumb language={language} items={[{ label: words.breadcrumb.home, href: ROUTES[language].home }, ...page.trail.map((p) => ({ label: p.title, href: p.href })), { label: page.title }]} />
      <article data-read-aloud-root className="mt-4 max-w-3xl">
        <ContentReaderToolbar contentId={page.id} audio={audio} language={language} />
        <h1 className="mt-4 text-3xl font-bold leading-tight sm:text-4xl">{page.title}</h1>
        <p className="mt-2 text-muted" data-read-skip>
          {words.page.updated} <time dateTime={page.updatedAt}>{words.dateLine(new Date(page.updatedAt))}</time>
        </p>
        {page.lead && <p className="lead mt-4 text-lg font-bold leading-relaxed">{page.lead}</p>}
        <FeaturedFigure image={page.image} caption={page.imageCaption} />
        <div className="article-body mt-6" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
        {page.children.length > 0 && (
          <nav aria-labelledby="trang-con" className="mt-8 border-t border-line pt-4" data-read-skip>
            <h2 id="trang-con" className="text-xl font-bold">
              {words.page.children}
            </h2>
            <ul className="mt-3 flex flex-col gap-3">
              {page.children.map((child) => (
                <li key={child.id}>
                  <Link href={child.href} className="text-lg font-semibold text-link underline underline-offset-4">
                    {child.title}
                  </Link>
                  {child.lead && <p className="mt-1 text-muted">{child.lead}</p>}
                </li>
              ))}
            </ul>
          </nav>
        )}
        <CitedDocuments documents={citedDocuments} heading={words.article.citedDocuments} />
        <ShareTools url={url} words={words.reader.share} />
        <p className="print-url mt-6 hidden text-sm print:block" data-read-skip>
          {words.page.printAddress} {url}
        </p>
      </article>
    </div>
  );
}
