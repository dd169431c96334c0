"use client";

import { useActionState } from "react";
import { addTranslationAction } from "@/app/admin/posts/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

const initial: ActionState = {};

/** "Thêm bản tiếng Anh": a plain form, so it works without JavaScript too; a refusal is said beside it. */
export function AddTranslationForm({ postId }: { postId: number }) {
  const [state, action] = useActionState(addTranslationAction, initial);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={postId} />
      <div>
        <SubmitButton pendingText="Đang tạo bản tiếng Anh…">Thêm bản tiếng Anh</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
