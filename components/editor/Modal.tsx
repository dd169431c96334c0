"use client";

import { useEffect, useId, useRef, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";

const subscribe = () => () => {};

/**
 * A modal dialog on the native <dialog> (focus kept inside, Escape closes, focus returns to what
 * opened it). Rendered into <body>: the editor sits inside the post form, and a form inside a form
 * is not valid HTML, nor should the dialog's fields travel with the post.
 */
export function Modal({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: React.ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first control (the close button); the field the dialog is for is better.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const closed = () => onCloseRef.current();
    dialog.addEventListener("close", closed);
    return () => {
      dialog.removeEventListener("close", closed);
      if (dialog.open) dialog.close();
    };
  }, [mounted]);

  if (!mounted) return null;
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={`m-auto max-h-[90vh] w-[calc(100%-2rem)] overflow-auto rounded-md border border-line bg-page p-0 text-ink shadow-xl backdrop:bg-black/50 ${wide ? "max-w-5xl" : "max-w-lg"}`}
    >
      <div className="flex items-center justify-between gap-4 border-b border-line px-5 py-3">
        <h2 id={titleId} className="text-xl font-bold">
          {title}
        </h2>
        <button type="button" onClick={() => onCloseRef.current()} className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line px-3">
          <span aria-hidden="true">✕</span>
          <span className="sr-only">Đóng</span>
        </button>
      </div>
      <div className="px-5 py-4">{children}</div>
    </dialog>,
    document.body,
  );
}
