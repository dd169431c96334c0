"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useMemo, useRef, type Ref } from "react";
import { useFormStatus } from "react-dom";
import { deleteCategoryAction, moveCategoryAction, updateCategoryAction } from "@/app/admin/categories/actions";
import { useFocusFirstError } from "@/components/admin/users/useFocusFirstError";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import type { ActionState } from "@/lib/auth/guards";
import type { CategoryListItem } from "@/lib/dal/categories";
import { CATEGORY_DESCRIPTION_MAX, CATEGORY_NAME_MAX } from "@/lib/validations/category-limits";
import { reporting, type CategoryResult } from "./reporting";

export type CategoryRowData = Pick<CategoryListItem, "id" | "name" | "slug" | "nameEn" | "slugEn" | "description" | "postCount" | "trashedCount">;

const initial: ActionState = {};
const smallButton =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line bg-page px-3 font-semibold text-ink hover:bg-surface disabled:opacity-50";

/** A row button that says it is working; the category's name completes its accessible name. */
function RowButton({ label, hidden, ref, disabled, className = smallButton }: { label: string; hidden: string; ref?: Ref<HTMLButtonElement>; disabled?: boolean; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button ref={ref} type="submit" disabled={disabled || pending} className={className}>
      {label}
      <span className="sr-only"> {hidden}</span>
    </button>
  );
}

function InlineField({ label, hidden, name, defaultValue, error, maxLength, lang }: { label: string; hidden: string; name: string; defaultValue: string; error?: string; maxLength: number; lang?: string }) {
  const id = useId();
  return (
    <div className="flex min-w-48 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
        <span className="sr-only"> {hidden}</span>
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        autoComplete="off"
        lang={lang}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={CONTROL_CLASS}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function CategoryRow({ category, index, count, onResult }: { category: CategoryRowData; index: number; count: number; onResult: (result: CategoryResult) => void }) {
  const update = useMemo(() => reporting(updateCategoryAction, onResult), [onResult]);
  const [editState, editAction] = useActionState(update, initial);
  const editForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(editForm, editState.errors);
  const edited = editState.values ?? {};

  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  // Moving a row moves its buttons in the document, which drops keyboard focus; put it back.
  const focusAfterMove = useRef<"up" | "down" | null>(null);
  useEffect(() => {
    const direction = focusAfterMove.current;
    if (!direction) return;
    focusAfterMove.current = null;
    const [preferred, other] = direction === "up" ? [up.current, down.current] : [down.current, up.current];
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [index]);

  const move = async (formData: FormData) => {
    focusAfterMove.current = formData.get("direction") === "down" ? "down" : "up";
    onResult({ ...(await moveCategoryAction(initial, formData)), at: Date.now() });
  };
  const remove = async (formData: FormData) => {
    onResult({ ...(await deleteCategoryAction(initial, formData)), at: Date.now() });
  };
  const quoted = `“${category.name}”`;

  return (
    <tr className="border-b border-line align-top" data-category-id={category.id}>
      <td className="px-3 py-3 text-center tabular-nums">{index + 1}</td>
      <th scope="row" className="px-3 py-3 text-left font-normal">
        <span className="block font-semibold">{category.name}</span>
        <form ref={editForm} action={editAction} noValidate className="mt-2 flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={category.id} />
          <InlineField
            label="Tên"
            hidden={`chuyên mục ${category.name}`}
            name="name"
            maxLength={CATEGORY_NAME_MAX * 2}
            defaultValue={edited.name ?? category.name}
            error={editState.errors?.name}
          />
          <InlineField
            label="Tên tiếng Anh"
            hidden={`của chuyên mục ${category.name} (để trống: không có trên trang tiếng Anh)`}
            name="nameEn"
            lang="en"
            maxLength={CATEGORY_NAME_MAX * 2}
            defaultValue={edited.nameEn ?? category.nameEn ?? ""}
            error={editState.errors?.nameEn}
          />
          <InlineField
            label="Mô tả"
            hidden={`chuyên mục ${category.name}`}
            name="description"
            maxLength={CATEGORY_DESCRIPTION_MAX * 2}
            defaultValue={edited.description ?? category.description}
            error={editState.errors?.description ?? editState.errors?.id}
          />
          <RowButton label="Lưu" hidden={`chuyên mục ${category.name}`} className={`${smallButton} bg-brand! text-brand-ink!`} />
        </form>
      </th>
      <td className="px-3 py-3 text-sm break-all">
        <Link href={`/chuyen-muc/${category.slug}`} className="underline underline-offset-4">
          /chuyen-muc/{category.slug}
        </Link>
        <span className="mt-1 block">
          {category.slugEn ? (
            <Link href={`/en/category/${category.slugEn}`} className="underline underline-offset-4">
              /en/category/{category.slugEn}
            </Link>
          ) : (
            "Chưa có tên tiếng Anh"
          )}
        </span>
      </td>
      <td className="px-3 py-3 tabular-nums">
        {category.postCount}
        {category.trashedCount > 0 && <span className="block text-sm text-muted">({category.trashedCount} trong thùng rác)</span>}
      </td>
      <td className="px-3 py-3">
        <div className="flex flex-wrap gap-2">
          <form action={move}>
            <input type="hidden" name="id" value={category.id} />
            <input type="hidden" name="direction" value="up" />
            <RowButton ref={up} label="Lên" hidden={category.name} disabled={index === 0} />
          </form>
          <form action={move}>
            <input type="hidden" name="id" value={category.id} />
            <input type="hidden" name="direction" value="down" />
            <RowButton ref={down} label="Xuống" hidden={category.name} disabled={index === count - 1} />
          </form>
          <form
            action={remove}
            onSubmit={(event) => {
              // Only an empty category can go; a non-empty one gets the server's explanation instead.
              if (category.postCount === 0 && !window.confirm(`Xoá chuyên mục ${quoted}? Không thể hoàn tác.`)) event.preventDefault();
            }}
          >
            <input type="hidden" name="id" value={category.id} />
            <RowButton label="Xoá" hidden={category.name} className={`${smallButton} border-red-800 text-red-800`} />
          </form>
        </div>
      </td>
    </tr>
  );
}
