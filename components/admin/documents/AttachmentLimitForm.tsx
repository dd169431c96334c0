"use client";

import { useActionState } from "react";
import { attachmentLimitAction } from "@/app/admin/documents/types/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import { ATTACHMENT_LIMIT_MB } from "@/lib/validations/document-settings";

/** The size limit of a document's files, in MB (admins). */
export function AttachmentLimitForm({ megabytes }: { megabytes: number }) {
  const [state, action] = useActionState<ActionState, FormData>(attachmentLimitAction, {});
  return (
    <form action={action} className="flex max-w-md flex-col gap-3" aria-label="Giới hạn tệp đính kèm">
      <FormMessage state={state} />
      <Field
        label="Dung lượng tối đa mỗi tệp (MB)"
        name="megabytes"
        inputMode="numeric"
        hint={`Số nguyên từ ${ATTACHMENT_LIMIT_MB.min} đến ${ATTACHMENT_LIMIT_MB.max}.`}
        defaultValue={state.values?.megabytes ?? String(megabytes)}
        error={state.errors?.megabytes}
      />
      <div>
        <SubmitButton>Lưu giới hạn</SubmitButton>
      </div>
    </form>
  );
}
