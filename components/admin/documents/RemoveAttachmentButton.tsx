"use client";

import { useActionState } from "react";
import { removeAttachmentAction } from "@/app/admin/documents/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionState } from "@/lib/auth/guards";

/** Gỡ tệp: takes one file off the document (the data layer checks who may). */
export function RemoveAttachmentButton({ documentId, attachmentId, label }: { documentId: number; attachmentId: number; label: string }) {
  const [state, action] = useActionState<ActionState, FormData>(removeAttachmentAction, {});
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="id" value={documentId} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <button type="submit" className="inline-flex min-h-11 items-center underline underline-offset-4">
        Gỡ tệp<span className="sr-only">: {label}</span>
      </button>
      <FormMessage state={state} />
    </form>
  );
}
