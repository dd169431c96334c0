import Link from "next/link";
import type { TranslationSource as Source } from "@/lib/dal/translations";

/**
 * The Vietnamese original beside an English version's text, to translate from: its title, lead,
 * body and featured-image caption and description. A <details>, so it folds away on a small
 * screen; its text scrolls on its own and can be reached and scrolled from the keyboard.
 */
export function TranslationSource({ source }: { source: Source }) {
  return (
    <details open className="rounded-md border border-line bg-surface" data-testid="translation-source">
      <summary className="flex min-h-11 cursor-pointer items-center px-4 font-bold">Bản gốc tiếng Việt ({source.statusLabel.toLowerCase()})</summary>
      <div lang="vi" tabIndex={0} role="region" aria-label="Nội dung bản gốc tiếng Việt" className="flex flex-col gap-3 border-t border-line px-4 py-3 xl:max-h-[calc(100vh-10rem)] xl:overflow-y-auto">
        <section>
          <h2 className="text-sm font-semibold text-muted">Tiêu đề</h2>
          <p className="text-lg font-bold">{source.title}</p>
        </section>
        {source.lead && (
          <section>
            <h2 className="text-sm font-semibold text-muted">Sapo</h2>
            <p className="font-semibold">{source.lead}</p>
          </section>
        )}
        {source.featured && (
          <section>
            <h2 className="text-sm font-semibold text-muted">Ảnh đại diện</h2>
            <p>Chú thích: {source.featured.caption || "(không có)"}</p>
            <p>Mô tả ảnh (alt): {source.featured.alt || "(không có)"}</p>
          </section>
        )}
        <section>
          <h2 className="text-sm font-semibold text-muted">Nội dung</h2>
          {/* Sanitized by the data layer, as the public page is. */}
          <div className="article-body" dangerouslySetInnerHTML={{ __html: source.bodyHtml }} />
        </section>
        {source.canOpen && (
          <p>
            <Link href={`/admin/posts/${source.id}`} className="underline underline-offset-4">
              Mở bản tiếng Việt
            </Link>
          </p>
        )}
      </div>
    </details>
  );
}
