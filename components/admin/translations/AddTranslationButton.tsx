"use client";

import { startTransition, useActionState } from "react";
import { addTranslationAction } from "@/app/admin/posts/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionState } from "@/lib/auth/guards";

const initial: ActionState = {};

/**
 * "Thêm bản tiếng Anh". It sits in the writing screen's panel, inside the post's own form, so it is
 * a plain button that sends only the post's id (forms do not nest); a refusal is said beside it.
 */
export function AddTranslationButton({ postId }: { postId: number }) {
  const [state, action, pending] = useActionState(addTranslationAction, initial);
  function add() {
    const data = new FormData();
    data.set("id", String(postId));
    startTransition(() => action(data));
  }
  return (
    <div className="flex flex-col gap-2">
      <div>
        <button type="button" onClick={add} disabled={pending} aria-disabled={pending} className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink hover:opacity-90 disabled:opacity-60">
          {pending ? "Đang tạo bản tiếng Anh…" : "Thêm bản tiếng Anh"}
        </button>
      </div>
      <FormMessage state={state} />
    </div>
  );
}
