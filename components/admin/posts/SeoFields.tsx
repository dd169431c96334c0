"use client";

import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from "@/lib/validations/post";
import { letterCount } from "@/lib/editor/post-form";
import type { PostFieldsState } from "./usePostFields";

/** SEO title and description; left empty they fall back to the title and the lead, shown as placeholders. */
export function SeoFields({ form, errors }: { form: PostFieldsState; errors: Record<string, string> }) {
  const { fields, bind } = form;
  return (
    <fieldset className="flex flex-col gap-4 rounded-md border border-line p-4">
      <legend className="px-1 font-semibold">Tối ưu tìm kiếm (SEO)</legend>
      <FieldShell
        label="Tiêu đề SEO"
        error={errors.seoTitle}
        hint={`Để trống thì dùng tiêu đề bài. Nên dưới ${SEO_TITLE_HINT} ký tự (hiện ${letterCount(fields.seoTitle || fields.title)}).`}
      >
        {(control) => <input {...control} {...bind("seoTitle")} autoComplete="off" placeholder={fields.title} className={CONTROL_CLASS} />}
      </FieldShell>
      <FieldShell
        label="Mô tả SEO"
        error={errors.seoDescription}
        hint={`Để trống thì dùng sapo. Nên dưới ${SEO_DESCRIPTION_HINT} ký tự (hiện ${letterCount(fields.seoDescription || fields.lead)}).`}
      >
        {(control) => <textarea {...control} {...bind("seoDescription")} rows={3} placeholder={fields.lead} className={`${CONTROL_CLASS} py-2`} />}
      </FieldShell>
    </fieldset>
  );
}
