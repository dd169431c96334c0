import Link from "next/link";
import type { TranslationStatus } from "@/lib/dal/translations";

const LINK = "underline underline-offset-4";

/**
 * A Vietnamese post's English version in words (never colour alone), with a link to it when this
 * person may open it, and to what changed in the Vietnamese when the English is out of date.
 */
export function TranslationStatusLine({ status, compact = false }: { status: TranslationStatus; compact?: boolean }) {
  const marker = status.state === "outdated" ? "⚠ " : "";
  return (
    <span className={`flex flex-wrap gap-x-3 ${compact ? "text-sm" : ""}`} data-translation-state={status.state}>
      <span className={status.state === "outdated" ? "font-semibold" : ""}>
        <span aria-hidden="true">{marker}</span>
        {status.english?.visible ? (
          <Link href={`/admin/posts/${status.english.id}`} className={LINK}>
            {status.label}
          </Link>
        ) : (
          status.label
        )}
      </span>
      {status.changesHref && (
        <Link href={status.changesHref} className={LINK}>
          Xem thay đổi của bản tiếng Việt
        </Link>
      )}
    </span>
  );
}
