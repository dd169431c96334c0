"use client";

import { useActionState } from "react";
import { emptyTrashAction } from "@/app/admin/posts/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

const initial: ActionState = {};

/** `Dọn sạch thùng rác` for admins: deleting for good asks for a ticked confirmation first. */
export function EmptyTrashForm() {
  const [state, action] = useActionState(emptyTrashAction, initial);
  const error = state.errors?.confirm;
  return (
    <section aria-labelledby="empty-trash" className="mt-8 flex max-w-xl flex-col gap-3 border-t border-line pt-6">
      <h2 id="empty-trash" className="text-xl font-bold">
        Dọn sạch thùng rác
      </h2>
      <p>Dọn ngay thì mọi bài trong thùng rác bị xoá hẳn và không khôi phục được; các phiên bản đã xuất bản vẫn được lưu làm hồ sơ.</p>
      <FormMessage state={state} />
      <form action={action} className="flex flex-col gap-3">
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" name="confirm" value="1" className="size-5" aria-invalid={error ? true : undefined} aria-describedby={error ? "empty-trash-error" : undefined} />
          Tôi hiểu các bài sẽ bị xoá hẳn
        </label>
        {error && (
          <p id="empty-trash-error" className="text-sm font-semibold text-red-800">
            {error}
          </p>
        )}
        <div>
          <SubmitButton pendingText="Đang dọn…" className="bg-red-800! text-white!">
            Dọn sạch thùng rác
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
