import type { Language } from "@/db/vocabulary";
import type { CorrectionNotice } from "@/lib/dal/public/corrections";
import { wordsFor } from "@/lib/i18n/dictionary";
import { toVietnamIso } from "@/lib/vi/date-line";

/** The corrections of an article, under its title, oldest first: `Đính chính ngày dd/mm/yyyy: …`. */
export function CorrectionNotices({ notices, language = "vi" }: { notices: CorrectionNotice[]; language?: Language }) {
  if (notices.length === 0) return null;
  const words = wordsFor(language);
  return (
    <aside aria-label={words.article.corrections} className="mt-4 border-l-4 border-ink bg-surface px-4 py-3">
      <ul className="flex flex-col gap-2">
        {notices.map((notice) => {
          const at = new Date(notice.createdAt);
          return (
            <li key={notice.id}>
              <strong>
                {words.article.correctionOn} <time dateTime={toVietnamIso(at)}>{words.date(at)}</time>:
              </strong>{" "}
              {notice.text}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
