"use client";

import { useId, useState } from "react";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import { checkLinkInput, LINK_MESSAGES } from "./link-input";
import { Modal } from "./Modal";

export function LinkDialog({
  initialHref,
  needsText,
  onApply,
  onRemove,
  onClose,
}: {
  initialHref: string;
  /** Nothing is selected: the link's text is typed here. */
  needsText: boolean;
  onApply: (href: string, text: string) => void;
  onRemove?: () => void;
  onClose: () => void;
}) {
  const [href, setHref] = useState(initialHref);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<{ href?: string; text?: string }>({});
  const hrefId = useId();
  const textId = useId();

  function submit(event: React.FormEvent) {
    // The dialog is portalled out of the post form, but React still bubbles its submit there.
    event.preventDefault();
    event.stopPropagation();
    const checked = checkLinkInput(href);
    const next: { href?: string; text?: string } = {};
    if ("error" in checked) next.href = checked.error;
    if (needsText && !text.trim()) next.text = LINK_MESSAGES.textEmpty;
    setErrors(next);
    if (next.href || next.text || "error" in checked) {
      document.getElementById(next.href ? hrefId : textId)?.focus();
      return;
    }
    onApply(checked.href, text.trim().normalize("NFC"));
  }

  return (
    <Modal title={initialHref ? "Sửa liên kết" : "Chèn liên kết"} onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={hrefId} className="font-semibold">
            Địa chỉ liên kết
          </label>
          <p id={`${hrefId}-hint`} className="text-sm text-muted">
            Ví dụ: https://noip.gov.vn, mailto:vanphong@noip.gov.vn hoặc /tin-tuc/ten-bai
          </p>
          <input
            id={hrefId}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={href}
            onChange={(e) => setHref(e.target.value)}
            aria-invalid={errors.href ? true : undefined}
            aria-describedby={`${hrefId}-hint${errors.href ? ` ${hrefId}-error` : ""}`}
            className={CONTROL_CLASS}
            data-autofocus
          />
          {errors.href && (
            <p id={`${hrefId}-error`} className="text-sm font-semibold text-red-800">
              {errors.href}
            </p>
          )}
        </div>
        {needsText && (
          <div className="flex flex-col gap-1">
            <label htmlFor={textId} className="font-semibold">
              Chữ hiển thị
            </label>
            <input
              id={textId}
              type="text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={errors.text ? `${textId}-error` : undefined}
              className={CONTROL_CLASS}
            />
            {errors.text && (
              <p id={`${textId}-error`} className="text-sm font-semibold text-red-800">
                {errors.text}
              </p>
            )}
          </div>
        )}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
            Áp dụng
          </button>
          {onRemove && (
            <button type="button" onClick={onRemove} className="inline-flex min-h-11 items-center rounded-md border border-line px-4">
              Gỡ liên kết
            </button>
          )}
          <button type="button" onClick={onClose} className="inline-flex min-h-11 items-center rounded-md border border-line px-4">
            Huỷ
          </button>
        </div>
      </form>
    </Modal>
  );
}
