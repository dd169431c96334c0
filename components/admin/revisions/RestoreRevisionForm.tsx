"use client";

import Link from "next/link";
import { useActionState } from "react";
import { restoreRevisionAction } from "@/app/admin/posts/[id]/revisions/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

const initial: ActionState = {};

/**
 * `Khôi phục phiên bản này`: saves the revision as the post's newest version. Nothing is lost by
 * it (the current text stays in the history), so it needs no confirmation.
 */
export function RestoreRevisionForm({ postId, revisionId, version, number }: { postId: number; revisionId: number; version: number; number: number }) {
  const [state, action] = useActionState(restoreRevisionAction, initial);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={postId} />
      <input type="hidden" name="revision" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      {state.ok ? (
        <p>
          <Link href={`/admin/posts/${postId}`} className="inline-flex min-h-11 items-center underline underline-offset-4">
            Mở trang sửa bài
          </Link>
        </p>
      ) : (
        <p className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingText="Đang khôi phục…">Khôi phục phiên bản này</SubmitButton>
          <span className="text-sm">Nội dung phiên bản #{number} sẽ thành bản mới nhất; bản hiện tại vẫn còn trong lịch sử.</span>
        </p>
      )}
    </form>
  );
}
