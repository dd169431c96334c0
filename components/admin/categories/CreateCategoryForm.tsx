"use client";

import { useActionState, useMemo, useRef } from "react";
import { createCategoryAction } from "@/app/admin/categories/actions";
import { useFocusFirstError } from "@/components/admin/users/useFocusFirstError";
import { Field } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import { CATEGORY_DESCRIPTION_MAX, CATEGORY_NAME_MAX } from "@/lib/validations/category-limits";
import { reporting, type CategoryResult } from "./reporting";

const initial: ActionState = {};

export function CreateCategoryForm({ onResult }: { onResult: (result: CategoryResult) => void }) {
  const action = useMemo(() => reporting(createCategoryAction, onResult), [onResult]);
  const [state, formAction] = useActionState(action, initial);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state.errors);
  const values = state.values ?? {};
  return (
    <section aria-labelledby="them-chuyen-muc" className="flex max-w-xl flex-col gap-4">
      <h2 id="them-chuyen-muc" className="text-2xl font-bold">
        Thêm chuyên mục
      </h2>
      {/* noValidate: the server's Vietnamese messages are the ones shown, the same for everyone. */}
      <form ref={form} action={formAction} noValidate className="flex flex-col gap-4">
        <Field
          label="Tên chuyên mục"
          name="name"
          autoComplete="off"
          required
          // Slightly above the limit, so an over-long paste is kept whole and the message explains it.
          maxLength={CATEGORY_NAME_MAX * 2}
          hint={`Tối đa ${CATEGORY_NAME_MAX} ký tự. Đường dẫn được tạo từ tên, ví dụ “Tin tức” → /chuyen-muc/tin-tuc.`}
          defaultValue={values.name}
          error={state.errors?.name}
        />
        <Field
          label="Mô tả (không bắt buộc)"
          name="description"
          autoComplete="off"
          maxLength={CATEGORY_DESCRIPTION_MAX * 2}
          hint="Hiện dưới tên chuyên mục trên trang chuyên mục."
          defaultValue={values.description}
          error={state.errors?.description}
        />
        <div>
          <SubmitButton pendingText="Đang thêm…">Thêm chuyên mục</SubmitButton>
        </div>
      </form>
    </section>
  );
}
