"use client";

import Link from "next/link";

/**
 * A submit button that tells the action what to do. Not SubmitButton: this form is submitted by
 * hand (see PostForm), so useFormStatus never sees it pending; the form passes `pending` in.
 */
function IntentButton({ intent, pending, className, children }: { intent: "save" | "publish"; pending: boolean; className: string; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-5 font-semibold disabled:opacity-60 ${className}`}
    >
      {children}
    </button>
  );
}

/** The bar under the form: save, publish (for those who may), preview of the saved version, back to the list. */
export function PostFormActions({ postId, canPublish, pending }: { postId: number | null; canPublish: boolean; pending: boolean }) {
  return (
    <div className="sticky bottom-0 flex flex-wrap items-center gap-4 border-t border-line bg-page py-3">
      <IntentButton intent="save" pending={pending} className="bg-brand text-brand-ink hover:opacity-90">
        {pending ? "Đang lưu…" : "Lưu"}
      </IntentButton>
      {postId !== null && canPublish && (
        <IntentButton intent="publish" pending={pending} className="border-2 border-green-800 text-green-900 hover:bg-green-50">
          Xuất bản ngay
        </IntentButton>
      )}
      {postId !== null && (
        <Link href={`/admin/posts/${postId}/preview`} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center underline underline-offset-4">
          Xem trước<span className="sr-only"> (bản đã lưu, mở trong thẻ mới)</span>
        </Link>
      )}
      <Link href="/admin/posts" className="inline-flex min-h-11 items-center underline underline-offset-4">
        Về danh sách bài viết
      </Link>
    </div>
  );
}
