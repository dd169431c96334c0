"use client";

import { useId } from "react";
import { Modal } from "@/components/editor/Modal";
import { formatVietnamMoment } from "@/lib/editor/autosave-status";
import { bodyParagraphs } from "@/lib/editor/document-paragraphs";
import type { DraftValues } from "@/lib/editor/draft-values";
import type { Conflict } from "./autosave-engine";
import { valuesFromPost } from "@/lib/editor/post-form";

function VersionColumn({ heading, values, testId }: { heading: string; values: DraftValues; testId: string }) {
  const id = useId();
  const paragraphs = bodyParagraphs(values.body);
  return (
    <section aria-labelledby={id} data-testid={testId} className="flex flex-col gap-2 rounded-md border border-line p-3">
      <h3 id={id} className="text-lg font-bold">
        {heading}
      </h3>
      <dl className="flex flex-col gap-2">
        <dt className="font-semibold">Tiêu đề</dt>
        <dd>{values.title || "—"}</dd>
        <dt className="font-semibold">Sapo</dt>
        <dd>{values.lead || "—"}</dd>
        <dt className="font-semibold">Nguồn</dt>
        <dd>{values.source || "—"}</dd>
        <dt className="font-semibold">Nội dung</dt>
        <dd className="flex flex-col gap-2">{paragraphs.length ? paragraphs.map((p, i) => <p key={i}>{p}</p>) : "—"}</dd>
      </dl>
    </section>
  );
}

/**
 * Two saves met: mine (refused, already kept as a "conflict" revision) and the one the server has.
 * Both are shown side by side; whichever is chosen, the other stays in the history.
 */
export function ConflictDialog({ conflict, onKeepMine, onTakeTheirs, onClose }: { conflict: Conflict; onKeepMine: () => void; onTakeTheirs: () => void; onClose: () => void }) {
  const { current, mine } = conflict;
  const who = current.savedBy || "Người khác";
  const public_ = current.post.status === "published" || current.post.status === "scheduled";
  return (
    <Modal title="Người khác đã lưu bài này trong lúc bạn sửa" onClose={onClose} wide>
      <p className="mb-4">
        {who} đã lưu một phiên bản khác lúc {formatVietnamMoment(new Date(current.savedAt))} trong khi bạn đang sửa. Cả hai bản đều được giữ: bản bạn không chọn vẫn nằm trong
        Lịch sử phiên bản.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <VersionColumn heading="Bản của tôi" values={mine} testId="conflict-mine" />
        <VersionColumn heading={`Bản của ${who}`} values={valuesFromPost(current.post).values} testId="conflict-theirs" />
      </div>
      <div role="alert">{conflict.error && <p className="mt-4 rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">{conflict.error}</p>}</div>
      {public_ && <p className="mt-4 text-sm">Bài đang xuất bản: chọn “Giữ bản của tôi” sẽ đưa bản của bạn lên trang tin ngay.</p>}
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" data-autofocus onClick={onKeepMine} className="inline-flex min-h-11 items-center rounded-md bg-brand px-5 font-semibold text-brand-ink">
          Giữ bản của tôi
        </button>
        <button type="button" onClick={onTakeTheirs} className="inline-flex min-h-11 items-center rounded-md border border-line px-5 font-semibold">
          Lấy bản của người kia
        </button>
      </div>
    </Modal>
  );
}
