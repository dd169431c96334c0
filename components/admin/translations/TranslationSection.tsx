import Link from "next/link";
import type { TranslationPanel } from "@/lib/dal/translations";
import { AddTranslationButton } from "./AddTranslationButton";
import { TranslationStatusLine } from "./TranslationStatusLine";

/**
 * On a Vietnamese post's screen, among its facts (the panel's status section, so the text keeps its place
 * on the screen): where its English version stands, and "Thêm bản tiếng Anh" while there is none.
 */
export function TranslationFacts({ panel, postId }: { panel: Extract<TranslationPanel, { language: "vi" }>; postId: number }) {
  return (
    <>
      <dt className="font-semibold">Bản tiếng Anh</dt>
      <dd data-testid="translation-section">{panel.canTranslate ? <AddTranslationButton postId={postId} /> : <TranslationStatusLine status={panel.status} />}</dd>
    </>
  );
}

/** Above an English version's text: which original it translates, and a notice with the changes when the original moved on. */
export function TranslationNotes({ panel, justCreated }: { panel: Extract<TranslationPanel, { language: "en" }>; justCreated: boolean }) {
  return (
    <>
      {justCreated && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          Đã tạo bản nháp tiếng Anh từ bản tiếng Việt. Hãy dịch tiêu đề, sapo, nội dung, chú thích và mô tả ảnh; bản tiếng Anh có đường dẫn, trạng thái và lịch xuất bản riêng.
        </p>
      )}
      {panel.changesHref && (
        <div role="note" aria-labelledby="outdated-title" className="rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-2 text-amber-950" data-testid="translation-outdated">
          <h2 id="outdated-title" className="font-bold">
            <span aria-hidden="true">⚠ </span>Bản tiếng Anh cần cập nhật
          </h2>
          <p className="mt-1">
            Bản tiếng Việt đã thay đổi sau lần xuất bản gần nhất của bản tiếng Anh.{" "}
            <Link href={panel.changesHref} className="underline underline-offset-4">
              Xem thay đổi của bản tiếng Việt
            </Link>
          </p>
        </div>
      )}
      {!panel.source && <p className="rounded-md border border-line px-3 py-2">Bản tiếng Anh này không có bản tiếng Việt mà bạn được xem.</p>}
    </>
  );
}
