"use client";

import { useActionState } from "react";
import { saveTwoFactorPolicy } from "@/app/admin/settings/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

type RoleOption = { role: string; label: string; required: boolean };

export function TwoFactorPolicyForm({ roles }: { roles: RoleOption[] }) {
  const [state, action] = useActionState(saveTwoFactorPolicy, {} as ActionState);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4">
      <FormMessage state={state} />
      <fieldset className="flex flex-col gap-2 rounded-md border border-line p-4">
        <legend className="px-1 font-semibold">Bắt buộc đăng nhập bằng xác thực hai bước</legend>
        {roles.map((r) => (
          <label key={r.role} className="flex min-h-11 items-center gap-3">
            {/* After a save the form resets to these defaults, which the re-render has updated. */}
            <input type="checkbox" name={`totp-${r.role}`} defaultChecked={r.required} className="h-5 w-5" />
            {r.label}
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton>Lưu</SubmitButton>
      </div>
    </form>
  );
}
