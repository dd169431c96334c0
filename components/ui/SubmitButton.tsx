"use client";

import { useFormStatus } from "react-dom";

/** A submit button that says it is working and cannot be pressed twice (nor while `disabled`: the form's work is done). */
export function SubmitButton({
  children,
  pendingText = "Đang lưu…",
  className = "",
  disabled = false,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  disabled?: boolean;
}) {
  const { pending: sending } = useFormStatus();
  const pending = sending || disabled;
  return (
    <button
      type="submit"
      aria-disabled={pending}
      disabled={pending}
      className={`inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-4 font-semibold text-brand-ink hover:opacity-90 disabled:opacity-60 ${className}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
