"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { restorePostsAction, trashPostsAction } from "@/app/admin/posts/actions";
import { formatAdminTime } from "@/components/admin/users/labels";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import type { PostListItem } from "@/lib/dal/posts";
import { bulkFieldName } from "@/lib/validations/post";
import { ListTable } from "@/components/admin/table/ListTable";
import { TranslationStatusLine } from "@/components/admin/translations/TranslationStatusLine";
import { LANGUAGE_NAMES } from "@/components/admin/translations/language-names";

const initial: ActionState = {};

const STATUS_CLASS: Record<PostListItem["status"], string> = {
  draft: "border-line",
  pending: "border-amber-700 text-amber-900",
  scheduled: "border-blue-700 text-blue-900",
  published: "border-green-700 text-green-900",
  unpublished: "border-red-700 text-red-900",
};

/**
 * The list, with a checkbox per post for the bulk action of this view (trash, or restore in the
 * trash) when the role has it. Plain form fields, so the bulk action also works without JavaScript.
 */
export function PostTable({ items, trash, bulk, showAuthor }: { items: PostListItem[]; trash: boolean; bulk: boolean; showAuthor: boolean }) {
  const [state, action] = useActionState(trash ? restorePostsAction : trashPostsAction, initial);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  // Counted over the rows shown: after a bulk action the moved posts leave the page, and their ticks with them.
  const selected = items.filter((item) => checked.has(item.id)).length;
  const allChecked = items.length > 0 && selected === items.length;

  function toggle(id: number, on: boolean) {
    setChecked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  if (items.length === 0) return <FormMessage state={state} />;

  return (
    <form action={action} className="mt-4 flex flex-col gap-4">
      <FormMessage state={state} />
      {bulk && (
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingText="Đang xử lý…" className={trash ? "" : "bg-red-800! text-white!"}>
            {trash ? "Khôi phục" : "Chuyển vào thùng rác"}
          </SubmitButton>
          <span aria-live="polite" className="text-muted">
            {selected > 0 ? `Đã chọn ${selected} bài viết` : "Chọn bài viết bằng ô đánh dấu ở đầu dòng"}
          </span>
        </div>
      )}
      <ListTable
        caption={trash ? "Bài viết trong thùng rác" : "Danh sách bài viết"}
        columns={[
          ...(bulk
            ? [
                <input
                  key="all"
                  type="checkbox"
                  aria-label="Chọn tất cả bài viết trên trang này"
                  className="size-5"
                  checked={allChecked}
                  onChange={(e) => setChecked(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())}
                />,
              ]
            : []),
          "Tiêu đề",
          "Trạng thái",
          ...(trash ? [] : ["Bản tiếng Anh"]),
          "Chuyên mục",
          ...(showAuthor ? ["Tác giả"] : []),
          "Cập nhật",
          trash ? "Chuyển vào thùng rác" : "Xuất bản",
        ]}
      >
        {items.map((post) => (
          <tr key={post.id} className="border-b border-line align-top" data-post-id={post.id}>
            {bulk && (
              <td className="px-3 py-2">
                <input
                  type="checkbox"
                  name={bulkFieldName(post.id)}
                  value="1"
                  aria-label={`Chọn bài “${post.title}”`}
                  className="size-5"
                  checked={checked.has(post.id)}
                  onChange={(e) => toggle(post.id, e.target.checked)}
                />
              </td>
            )}
            <th scope="row" className="px-3 py-2 font-semibold">
              <Link href={`/admin/posts/${post.id}`} className="underline-offset-4 hover:underline">
                {post.title}
              </Link>
              <span className="mt-1 flex flex-wrap gap-3 text-sm font-normal">
                <span className="rounded border border-line px-1.5">
                  {LANGUAGE_NAMES[post.language]}
                </span>
                <Link href={`/admin/posts/${post.id}/preview`} className="underline underline-offset-4">
                  Xem trước<span className="sr-only"> “{post.title}”</span>
                </Link>
              </span>
            </th>
            <td className="px-3 py-2">
              <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${STATUS_CLASS[post.status]}`}>{post.statusLabel}</span>
            </td>
            {!trash && <td className="px-3 py-2">{post.translation ? <TranslationStatusLine status={post.translation} compact /> : <span className="text-sm">—</span>}</td>}
            <td className="px-3 py-2">{post.category?.name ?? "Trang"}</td>
            {showAuthor && <td className="px-3 py-2">{post.author?.name ?? "—"}</td>}
            <td className="px-3 py-2 whitespace-nowrap">{formatAdminTime(post.updatedAt)}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              {trash ? formatAdminTime(post.deletedAt) : post.status === "published" || post.status === "scheduled" ? formatAdminTime(post.publishedAt, "—") : "—"}
            </td>
          </tr>
        ))}
      </ListTable>
    </form>
  );
}
