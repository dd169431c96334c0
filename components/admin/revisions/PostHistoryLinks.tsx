import Link from "next/link";

const LINK = "inline-flex min-h-11 items-center underline underline-offset-4";

/** From the edit page: the post's history, and its corrections once it is on the public site. */
export function PostHistoryLinks({ postId, isPublic }: { postId: number; isPublic: boolean }) {
  return (
    <p className="mt-2 flex flex-wrap gap-x-6">
      <Link href={`/admin/posts/${postId}/revisions`} className={LINK}>
        Lịch sử phiên bản
      </Link>
      {isPublic && (
        <Link href={`/admin/posts/${postId}/corrections`} className={LINK}>
          Đính chính
        </Link>
      )}
    </p>
  );
}
