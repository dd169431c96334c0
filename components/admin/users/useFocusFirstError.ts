"use client";

import { useEffect, type RefObject } from "react";

/** After a refused submit, keyboard and screen-reader users land on the first field to fix. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, errors: Record<string, string> | undefined): void {
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [form, errors]);
}
