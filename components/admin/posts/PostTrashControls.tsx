"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { restorePostsAction, trashPostsAction } from "@/app/admin/posts/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import { bulkFieldName } from "@/lib/validations/post";

const initial: ActionState = {};

/** Trash (or restore) one post from its edit page, through the same actions as the list's bulk form. */
export function PostTrashControls({ id, title, trashed }: { id: number; title: string; trashed: boolean }) {
  const router = useRouter();
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const result = await (trashed ? restorePostsAction : trashPostsAction)(previous, formData);
    // Navigated from here, not from an effect: the refreshed page no longer shows these controls.
    if (result.ok && !trashed) router.push("/admin/posts?trash=1");
    return result;
  }, initial);

  return (
    <section aria-labelledby="thung-rac" className="flex max-w-xl flex-col gap-3 border-t border-line pt-6">
      <h2 id="thung-rac" className="text-xl font-bold">
        Thùng rác
      </h2>
      <FormMessage state={state} />
      <form action={action} className="flex flex-col gap-2">
        <input type="hidden" name={bulkFieldName(id)} value="1" />
        <p>{trashed ? "Khôi phục bài viết về trạng thái trước khi bị chuyển vào thùng rác." : `Chuyển “${title}” vào thùng rác. Nếu bài đang xuất bản, bài sẽ biến mất khỏi trang tin ngay; biên tập viên có thể khôi phục.`}</p>
        <div>
          {trashed ? (
            <SubmitButton pendingText="Đang khôi phục…">Khôi phục</SubmitButton>
          ) : (
            <SubmitButton pendingText="Đang chuyển…" className="bg-red-800! text-white!">
              Chuyển vào thùng rác
            </SubmitButton>
          )}
        </div>
      </form>
    </section>
  );
}
