"use client";

import { useEffect, useId, useRef, useState } from "react";
import { checkDocumentNumberAction } from "@/app/admin/documents/actions";
import type { NumberCheck } from "@/lib/dal/documents/staff";

const CHECK_DELAY_MS = 400;

/**
 * Số/ký hiệu with the duplicate warning as you type: after a pause the server says whether the
 * issuing body (read from the form's issuer field) already has a document with this number, however
 * it is spelt. The save checks again; this only spares the author a refused save.
 */
export function NumberField({ defaultValue, exceptId, error }: { defaultValue: string; exceptId: number | null; error?: string }) {
  const id = useId();
  const [number, setNumber] = useState(defaultValue);
  const [check, setCheck] = useState<NumberCheck | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!number.trim()) return;
    const timer = setTimeout(() => {
      const issuer = (input.current?.form?.elements.namedItem("issuer") as HTMLInputElement | null)?.value ?? "";
      void checkDocumentNumberAction(number, issuer, exceptId).then(setCheck, () => setCheck(null));
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [number, exceptId]);
  const warning = !number.trim() ? null : check && !check.valid ? "Chưa đúng dạng số/ký hiệu, ví dụ 65/2023/NĐ-CP." : check?.taken ? `Cơ quan này đã có văn bản số ${check.display}: “${check.taken.title}”.` : null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        Số/ký hiệu
      </label>
      <input
        id={id}
        ref={input}
        name="number"
        required
        defaultValue={defaultValue}
        onChange={(event) => setNumber(event.target.value)}
        aria-describedby={`${id}-warning${error ? ` ${id}-error` : ""}`}
        aria-invalid={Boolean(error) || undefined}
        className="min-h-11 w-full rounded-md border border-line bg-page px-3 text-ink"
      />
      <p id={`${id}-warning`} aria-live="polite" className="text-sm font-semibold" data-testid="number-warning">
        {warning}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
