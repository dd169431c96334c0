"use client";

import { useActionState, useRef } from "react";
import { addCorrectionAction } from "@/app/admin/posts/[id]/corrections/actions";
import { useFocusFirstError } from "@/components/admin/users/useFocusFirstError";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import { CORRECTION_MAX } from "@/lib/validations/correction";

const initial: ActionState = {};

/** `Thêm đính chính`: what was typed stays in the box when it is refused, and goes once it is added. */
export function CorrectionForm({ postId }: { postId: number }) {
  const [state, action] = useActionState(addCorrectionAction, initial);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.errors);
  return (
    <section aria-labelledby="them-dinh-chinh" className="flex max-w-2xl flex-col gap-4">
      <h2 id="them-dinh-chinh" className="text-2xl font-bold">
        Thêm đính chính
      </h2>
      <FormMessage state={state} />
      {/* noValidate: the server's Vietnamese messages are the ones shown, the same for everyone. */}
      <form ref={form} action={action} noValidate className="flex flex-col gap-4">
        <input type="hidden" name="id" value={postId} />
        <FieldShell
          label="Nội dung đính chính"
          hint={`Tối đa ${CORRECTION_MAX} ký tự. Hiện dưới tiêu đề bài trên trang tin, kèm ngày hôm nay; sau khi thêm thì không sửa hay xoá được.`}
          error={state.errors?.text}
        >
          {(control) => (
            <textarea
              {...control}
              // Remounted with what was typed after a refusal (the form resets to its defaults after every action).
              key={state.values?.text ?? ""}
              name="text"
              rows={4}
              required
              maxLength={CORRECTION_MAX * 2}
              defaultValue={state.values?.text}
              className={`${CONTROL_CLASS} py-2`}
            />
          )}
        </FieldShell>
        <div>
          <SubmitButton pendingText="Đang thêm…">Thêm đính chính</SubmitButton>
        </div>
      </form>
    </section>
  );
}
