import type { CorrectionNotice } from "@/lib/dal/public/corrections";
import { formatVietnamDate, toVietnamIso } from "@/lib/vi/date-line";

/** The corrections of an article, under its title, oldest first: `Đính chính ngày dd/mm/yyyy: …`. */
export function CorrectionNotices({ notices }: { notices: CorrectionNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <aside aria-label="Đính chính" className="mt-4 border-l-4 border-ink bg-surface px-4 py-3">
      <ul className="flex flex-col gap-2">
        {notices.map((notice) => {
          const at = new Date(notice.createdAt);
          return (
            <li key={notice.id}>
              <strong>
                Đính chính ngày <time dateTime={toVietnamIso(at)}>{formatVietnamDate(at)}</time>:
              </strong>{" "}
              {notice.text}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
