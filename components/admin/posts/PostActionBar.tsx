"use client";

import Link from "next/link";
import { useState } from "react";
import { Modal } from "@/components/editor/Modal";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionState } from "@/lib/auth/guards";
import { REVIEW_NOTE_MAX } from "@/lib/validations/post";
import { TRANSITIONS, type TransitionName } from "@/lib/workflow/transitions";

type Intent = "save" | TransitionName;

const BUTTON = "inline-flex min-h-11 items-center justify-center rounded-md px-4 font-semibold disabled:opacity-60";
const PRIMARY = `${BUTTON} bg-brand text-brand-ink hover:opacity-90`;
const OUTLINE = `${BUTTON} border-2 border-line hover:bg-surface`;
const STYLE: Record<TransitionName, string> = {
  submit: PRIMARY,
  withdraw: OUTLINE,
  reject: `${BUTTON} border-2 border-red-800 text-red-900 hover:bg-red-50`,
  publish: `${BUTTON} border-2 border-green-800 text-green-900 hover:bg-green-50`,
  schedule: `${BUTTON} border-2 border-green-800 text-green-900 hover:bg-green-50`,
  unschedule: OUTLINE,
  unpublish: `${BUTTON} border-2 border-red-800 text-red-900 hover:bg-red-50`,
};

/**
 * A submit button that tells the action what to do. Not SubmitButton: this form is submitted by
 * hand (see PostForm), so useFormStatus never sees it pending; the form passes `pending` in.
 * `form` ties a button in a dialog (portalled out of the form) to the post form.
 */
function IntentButton({ intent, pending, form, className, children }: { intent: Intent; pending: boolean; form: string; className: string; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      form={form}
      name="intent"
      value={intent}
      disabled={pending}
      aria-disabled={pending}
      aria-keyshortcuts={intent === "save" ? "Control+S" : undefined}
      className={className}
    >
      {children}
    </button>
  );
}

/** `Từ chối`: the editor writes what the author should fix; the note travels with the post form. */
function RejectDialog({
  form,
  pending,
  note,
  refusal,
  onNoteChange,
  onClose,
}: {
  form: string;
  pending: boolean;
  note: string;
  refusal: string | null;
  onNoteChange: (note: string) => void;
  onClose: () => void;
}) {
  return (
    <Modal title="Từ chối và trả bài cho tác giả" onClose={onClose}>
      <div className="flex flex-col gap-3">
        {refusal && (
          <p role="alert" className="rounded-md border border-red-800 bg-red-50 px-3 py-2 font-semibold text-red-900">
            {refusal}
          </p>
        )}
        <label htmlFor="review-note" className="font-semibold">
          Ghi chú cho tác giả (bắt buộc)
        </label>
        <textarea
          id="review-note"
          form={form}
          name="reviewNote"
          data-autofocus
          rows={5}
          value={note}
          onChange={(e) => onNoteChange(e.target.value)}
          aria-describedby="review-note-hint"
          className={`${CONTROL_CLASS} py-2`}
        />
        <p id="review-note-hint" className="text-sm text-muted">
          Bài trở về bản nháp; tác giả thấy ghi chú này khi mở bài. Tối đa {REVIEW_NOTE_MAX} ký tự.
        </p>
        <div className="flex flex-wrap gap-3">
          <IntentButton intent="reject" form={form} pending={pending} className={STYLE.reject}>
            Từ chối và trả bài
          </IntentButton>
          <button type="button" onClick={onClose} className={OUTLINE}>
            Huỷ
          </button>
        </div>
      </div>
    </Modal>
  );
}

/**
 * The one action bar at the top of the writing area: the status and the save line, then Lưu and
 * the workflow moves this person can make now (decided on the server, checked again there when
 * pressed), Xem trước of the saved version, and the settings panel's toggle. Ctrl+S presses Lưu
 * (PostForm). The last answer of the server shows under it.
 */
export function PostActionBar({
  form,
  postId,
  statusLabel,
  saveLine,
  transitions,
  pending,
  result,
  panel,
}: {
  form: string;
  postId: number | null;
  statusLabel: string;
  /** The autosave line and its follow-up buttons. */
  saveLine: React.ReactNode;
  transitions: TransitionName[];
  pending: boolean;
  /** The last answer of the server, so the dialog closes when its move went through and shows why when not. */
  result: ActionState;
  panel: { id: string; open: boolean; label: string; onToggle: () => void };
}) {
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState("");
  const [seen, setSeen] = useState(result);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (result !== seen) {
    setSeen(result);
    if (rejecting && result.ok) {
      setRejecting(false);
      setNote("");
    }
    setRefusal(rejecting && !result.ok ? (result.message ?? null) : null);
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Link href="/admin/posts" className="inline-flex min-h-11 items-center underline underline-offset-4">
          <span aria-hidden="true">‹&nbsp;</span>Bài viết<span className="sr-only"> (về danh sách)</span>
        </Link>
        <p className="inline-flex min-h-8 items-center rounded-full border border-ink px-3 text-sm font-semibold">
          <span className="sr-only">Trạng thái: </span>
          <span data-testid="post-status">{statusLabel}</span>
        </p>
        <div className="min-w-0 text-sm">{saveLine}</div>
        <div role="group" aria-label="Lưu và xuất bản" className="ml-auto flex flex-wrap items-center gap-2">
          {postId !== null && (
            <Link href={`/admin/posts/${postId}/preview`} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center px-1 underline underline-offset-4">
              Xem trước<span className="sr-only"> (bản đã lưu, mở trong thẻ mới)</span>
            </Link>
          )}
          <IntentButton intent="save" form={form} pending={pending} className={PRIMARY}>
            {pending ? "Đang lưu…" : "Lưu"}
          </IntentButton>
          {transitions.map((name) =>
            name === "reject" ? (
              <button key={name} type="button" onClick={() => setRejecting(true)} disabled={pending} className={STYLE.reject}>
                Từ chối…
              </button>
            ) : (
              <IntentButton key={name} intent={name} form={form} pending={pending} className={STYLE[name]}>
                {name === "publish" ? "Xuất bản ngay" : TRANSITIONS[name].label}
              </IntentButton>
            ),
          )}
          <button
            type="button"
            aria-expanded={panel.open}
            aria-controls={panel.id}
            aria-label={panel.open ? `Ẩn ${panel.label.toLowerCase()}` : panel.label}
            onClick={panel.onToggle}
            className="inline-flex min-h-11 items-center rounded-md border-2 border-line px-3 font-semibold hover:bg-surface"
          >
            {panel.open ? "Ẩn cài đặt" : "Cài đặt"}
          </button>
        </div>
      </div>
      <FormMessage state={result} />
      {rejecting && <RejectDialog form={form} pending={pending} note={note} refusal={refusal} onNoteChange={setNote} onClose={() => setRejecting(false)} />}
    </div>
  );
}
