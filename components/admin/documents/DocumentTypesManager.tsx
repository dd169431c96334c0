"use client";

import { useActionState } from "react";
import { documentTypeAction } from "@/app/admin/documents/types/actions";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionState } from "@/lib/auth/guards";
import type { DocumentTypeRow } from "@/lib/dal/documents/types";

const BUTTON = "inline-flex min-h-11 items-center justify-center rounded-md border border-line bg-page px-3 font-semibold text-ink hover:bg-surface disabled:opacity-50";

/**
 * The types of document, in order: each row renames, moves up or down, and (when no document uses
 * it) removes; a form at the end adds one. Plain forms, so it works without JavaScript too; one
 * result line for all of them, announced.
 */
export function DocumentTypesManager({ types }: { types: DocumentTypeRow[] }) {
  const [state, action] = useActionState<ActionState, FormData>(documentTypeAction, {});
  return (
    <div className="flex flex-col gap-4">
      <FormMessage state={state} />
      <ol className="flex max-w-4xl flex-col gap-3" aria-label="Các loại văn bản theo thứ tự">
        {types.map((type, i) => (
          <li key={type.id} className="flex flex-wrap items-end gap-2 rounded-md border border-line p-3">
            <form action={action} className="flex flex-1 flex-wrap items-end gap-2">
              <input type="hidden" name="op" value="rename" />
              <input type="hidden" name="id" value={type.id} />
              <label className="flex min-w-48 flex-1 flex-col gap-1">
                <span className="text-sm font-semibold">
                  Tên<span className="sr-only"> của loại {type.name}</span>
                </span>
                <input name="name" defaultValue={type.name} maxLength={80} autoComplete="off" className={CONTROL_CLASS} />
              </label>
              <button type="submit" className={BUTTON}>
                Đổi tên<span className="sr-only"> {type.name}</span>
              </button>
            </form>
            <p className="min-h-11 content-center text-sm text-muted">{type.documentCount > 0 ? `${type.documentCount.toLocaleString("vi-VN")} văn bản` : "Chưa có văn bản"}</p>
            <form action={action} className="flex gap-2">
              <input type="hidden" name="id" value={type.id} />
              <button type="submit" name="op" value="up" disabled={i === 0} className={BUTTON}>
                Lên<span className="sr-only"> {type.name}</span>
              </button>
              <button type="submit" name="op" value="down" disabled={i === types.length - 1} className={BUTTON}>
                Xuống<span className="sr-only"> {type.name}</span>
              </button>
              {type.documentCount === 0 && (
                <button type="submit" name="op" value="remove" className={BUTTON}>
                  Xoá<span className="sr-only"> {type.name}</span>
                </button>
              )}
            </form>
          </li>
        ))}
      </ol>
      <form action={action} className="flex max-w-xl flex-wrap items-end gap-2" aria-label="Thêm loại văn bản">
        <input type="hidden" name="op" value="add" />
        <label className="flex min-w-48 flex-1 flex-col gap-1">
          <span className="font-semibold">Loại văn bản mới</span>
          <input name="name" maxLength={80} autoComplete="off" className={CONTROL_CLASS} aria-invalid={state.errors?.name ? true : undefined} />
        </label>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Thêm loại
        </button>
      </form>
    </div>
  );
}
