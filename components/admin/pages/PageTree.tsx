"use client";

import Link from "next/link";
import { useActionState } from "react";
import { movePageAction } from "@/app/admin/pages/actions";
import { ListTable } from "@/components/admin/table/ListTable";
import { formatAdminTime } from "@/components/admin/users/labels";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionState } from "@/lib/auth/guards";
import type { PageTreeItem } from "@/lib/dal/pages";
import { TranslationStatusLine } from "@/components/admin/translations/TranslationStatusLine";

const BUTTON = "min-h-11 rounded-md border border-line px-3 font-semibold disabled:opacity-50";

/**
 * The pages as a tree: each indented under its parent, with its status, a link to edit it, one to
 * add a page under it, and (for editors) buttons to move it among its siblings. Works without JavaScript.
 */
export function PageTree({ pages, canReorder, english = false }: { pages: PageTreeItem[]; canReorder: boolean; english?: boolean }) {
  const [state, move, pending] = useActionState(movePageAction, {} as ActionState);
  return (
    <>
      <FormMessage state={state} />
      <ListTable caption="Các trang, theo cây thư mục" columns={["Trang", "Trạng thái", ...(english ? [] : ["Bản tiếng Anh"]), "Cập nhật", "Thao tác"]} className="mt-6">
        {pages.map((page) => (
          <tr key={page.id} className="border-b border-line align-top">
            <td className="px-3 py-2" style={{ paddingInlineStart: `${0.75 + page.depth * 1.5}rem` }}>
              {page.depth > 0 && (
                <span aria-hidden="true" className="text-muted">
                  └{" "}
                </span>
              )}
              {page.canEdit ? (
                <Link href={`/admin/posts/${page.id}`} className="font-semibold underline underline-offset-4">
                  {page.title}
                </Link>
              ) : (
                <span className="font-semibold">{page.title}</span>
              )}
              <div className="text-sm text-muted">{page.href}</div>
            </td>
            <td className="px-3 py-2">{page.statusLabel}</td>
            {!english && <td className="px-3 py-2">{page.translation ? <TranslationStatusLine status={page.translation} compact /> : "—"}</td>}
            <td className="px-3 py-2">{formatAdminTime(page.updatedAt)}</td>
            <td className="px-3 py-2">
              <div className="flex flex-wrap gap-2">
                {/* An English page starts as the translation of a Vietnamese one, never from scratch under an English parent. */}
                {!english && (
                  <Link href={`/admin/posts/new?kind=page&parent=${page.id}`} className={`${BUTTON} inline-flex items-center`}>
                    Thêm trang con<span className="sr-only"> của “{page.title}”</span>
                  </Link>
                )}
                {canReorder && (
                  <form action={move} className="flex gap-2">
                    <input type="hidden" name="id" value={page.id} />
                    <button type="submit" name="direction" value="up" disabled={page.first || pending} className={BUTTON}>
                      Lên<span className="sr-only"> (trang “{page.title}”)</span>
                    </button>
                    <button type="submit" name="direction" value="down" disabled={page.last || pending} className={BUTTON}>
                      Xuống<span className="sr-only"> (trang “{page.title}”)</span>
                    </button>
                  </form>
                )}
              </div>
            </td>
          </tr>
        ))}
      </ListTable>
    </>
  );
}
