"use client";

import { useActionState } from "react";
import { changePassword } from "@/app/admin/profile/actions";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

// The limits come from the server page: the rules module carries a large common-password list.
export function PasswordForm({ email, min, max }: { email: string; min: number; max: number }) {
  const [state, action] = useActionState(changePassword, {} as ActionState);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field label="Mật khẩu hiện tại" name="currentPassword" type="password" autoComplete="current-password" error={state.errors?.currentPassword} required />
      <Field
        label="Mật khẩu mới"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`Ít nhất ${min} ký tự, không quá ${max}. Nên dùng một câu ngắn dễ nhớ; không dùng e-mail hay mật khẩu phổ biến.`}
        error={state.errors?.newPassword}
        required
      />
      <Field label="Nhập lại mật khẩu mới" name="confirmPassword" type="password" autoComplete="new-password" error={state.errors?.confirmPassword} required />
      <div>
        <SubmitButton>Đổi mật khẩu</SubmitButton>
      </div>
    </form>
  );
}
