"use client";

import { useActionState } from "react";
import { signOutOtherSessions } from "@/app/admin/profile/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";

export function SignOutEverywhereForm() {
  const [state, action] = useActionState(signOutOtherSessions, {} as ActionState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingText="Đang đăng xuất…">Đăng xuất khỏi mọi thiết bị</SubmitButton>
      </div>
    </form>
  );
}
