"use client";

import { useActionState } from "react";
import { updateOwnName } from "@/app/admin/profile/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

export function NameForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateOwnName, {} as ActionState);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field label="Họ tên" name="name" defaultValue={state.values?.name ?? name} error={state.errors?.name} autoComplete="name" maxLength={100} required />
      <div>
        <SubmitButton>Lưu họ tên</SubmitButton>
      </div>
    </form>
  );
}
