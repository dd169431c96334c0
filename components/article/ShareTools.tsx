import { viReader, type ReaderWords } from "@/lib/i18n/vi/reader";

const CONTROL =
  "inline-flex min-h-[2.75rem] items-center justify-center rounded-md border border-line bg-surface px-3 font-semibold text-ink no-underline hover:border-brand";

/**
 * Print and share, under the article. The share links work without JavaScript; print and copy
 * need it (hidden without it, `js-only`) and are run by share-behaviour.ts in the page script.
 */
export function ShareTools({ url, words = viReader.share, printLabel }: { url: string; words?: ReaderWords["share"]; printLabel?: string }) {
  const encoded = encodeURIComponent(url);
  return (
    <div role="group" aria-label={words.group} data-read-skip="" data-share-tools={url} className="share-tools no-print mt-6 border-t border-line pt-4">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={`js-only ${CONTROL}`} data-share="print">
          {printLabel ?? words.print}
        </button>
        <a className={CONTROL} href={`https://www.facebook.com/sharer/sharer.php?u=${encoded}`} target="_blank" rel="noopener noreferrer">
          {words.facebook}
          <span className="sr-only">{words.newTab}</span>
        </a>
        <a className={CONTROL} href={`https://zalo.me/share?url=${encoded}`} target="_blank" rel="noopener noreferrer">
          {words.zalo}
          <span className="sr-only">{words.newTab}</span>
        </a>
        <button type="button" className={`js-only ${CONTROL}`} data-share="copy">
          {words.copy}
        </button>
      </div>
      {/* Always rendered: a live region must exist before its text changes to be announced. */}
      <p role="status" className="text-sm text-ink not-empty:mt-2" data-share="status" />
    </div>
  );
}
