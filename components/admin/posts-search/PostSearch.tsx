"use client";

import type { Language } from "@/db/vocabulary";
import { useActionState, useId } from "react";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import type { PostChoice } from "@/lib/dal/menus";
import { TARGET_STATE_LABELS, type TargetState } from "@/lib/menus/target-state";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const postStateNote = (state: TargetState) => (state === "live" ? "đang hiện trên trang" : TARGET_STATE_LABELS[state]);

/**
 * Finding a post to link (menus) or to feature (home page): by words of its title, its number or
 * its address. Its own form (forms do not nest), the results announced in a live region, each with
 * a button to choose it.
 */
export function PostSearch({
  action,
  chooseLabel,
  onChoose,
  isChosen,
  language = "vi",
}: {
  action: Action;
  chooseLabel: string;
  onChoose: (post: PostChoice) => void;
  isChosen?: (id: number) => boolean;
  /** Only posts of this language: an English menu or home page links English posts. */
  language?: Language;
}) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const id = useId();
  const results = Array.isArray(state.data) ? (state.data as PostChoice[]) : [];
  return (
    <div className="flex flex-col gap-2">
      <form action={formAction} className="flex flex-wrap items-end gap-2" role="search" aria-label="Tìm bài viết">
        <input type="hidden" name="language" value={language} />
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-q`} className="font-semibold">
            Tìm bài viết
          </label>
          <p id={`${id}-hint`} className="text-sm text-muted">
            Gõ vài chữ của tiêu đề (không cần dấu), mã số bài viết, hoặc dán địa chỉ /tin-tuc/….
          </p>
          <input
            id={`${id}-q`}
            name="query"
            type="search"
            defaultValue={state.values?.query ?? ""}
            aria-describedby={`${id}-hint`}
            aria-invalid={state.errors?.query ? true : undefined}
            className={`${CONTROL_CLASS} w-full`}
          />
          {state.errors?.query && <p className="text-sm font-semibold text-red-800">{state.errors.query}</p>}
        </div>
        <SubmitButton pendingText="Đang tìm…">Tìm</SubmitButton>
      </form>
      <div role="status" aria-live="polite">
        {state.message && !state.errors && <p className="text-sm">{state.message}</p>}
      </div>
      {results.length > 0 && (
        <ul className="flex flex-col gap-2" aria-label="Bài viết tìm thấy">
          {results.map((post) => {
            const chosen = isChosen?.(post.id) ?? false;
            return (
              <li key={post.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line p-2">
                <span className="min-w-0">
                  <span className="font-semibold">{post.title}</span>{" "}
                  <span className={`text-sm ${post.state === "live" ? "text-muted" : "font-semibold text-red-800"}`}>
                    (#{post.id}, {postStateNote(post.state)}
                    {post.hasImage ? ", có ảnh đại diện" : ", không có ảnh"})
                  </span>
                </span>
                <button
                  type="button"
                  aria-disabled={chosen}
                  onClick={() => !chosen && onChoose(post)}
                  className="inline-flex min-h-11 items-center rounded-md border border-brand px-3 font-semibold text-ink hover:bg-surface aria-disabled:opacity-50"
                >
                  {chosen ? "Đã chọn" : chooseLabel}
                  <span className="sr-only"> “{post.title}”</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
