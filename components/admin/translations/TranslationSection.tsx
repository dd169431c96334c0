import Link from "next/link";
import type { TranslationPanel } from "@/lib/dal/translations";
import { AddTranslationForm } from "./AddTranslationForm";
import { TranslationStatusLine } from "./TranslationStatusLine";

/** On a Vietnamese post's screen: where its English version stands, and "Thêm bản tiếng Anh" while there is none. */
export function TranslationSection({ panel, postId }: { panel: Extract<TranslationPanel, { language: "vi" }>; postId: number }) {
  return (
    <section aria-labelledby="translation-title" className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-line px-4 py-2" data-testid="translation-section">
      <h2 id="translation-title" className="font-bold">
        Bản tiếng Anh:
      </h2>
      {panel.canTranslate ? <AddTranslationForm postId={postId} /> : <TranslationStatusLine status={panel.status} />}
    </section>
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
