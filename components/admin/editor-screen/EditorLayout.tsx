"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The writing screen's frame: the action bar fixed at the top of the writing area, the text
 * under it, and the settings panel beside it (from 1024 px) or as a drawer over it (narrower).
 *
 * The bar's height is kept in `--editor-bar-h` on <html>, which is also the page's
 * `scroll-padding-top`: a field reached with Tab or focused by a script is scrolled clear of the
 * bar, never under it. The editor's own toolbar sticks just below the bar.
 */
export function EditorLayout({
  bar,
  children,
  panel,
  panelId,
  panelLabel,
  panelOpen,
  wide,
  onClosePanel,
  beside = null,
}: {
  bar: ReactNode;
  children: ReactNode;
  panel: ReactNode;
  panelId: string;
  panelLabel: string;
  panelOpen: boolean;
  wide: boolean;
  onClosePanel: () => void;
  /** Beside the text from 1280 px (a translation's original), above it when narrower. */
  beside?: ReactNode;
}) {
  const barRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const drawer = !wide && panelOpen;
  const close = useRef(onClosePanel);
  useEffect(() => {
    close.current = onClosePanel;
  });

  useEffect(() => {
    const element = barRef.current;
    if (!element) return;
    const root = document.documentElement;
    const apply = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      root.style.setProperty("--editor-bar-h", `${height}px`);
      root.style.scrollPaddingTop = `${height + 8}px`;
    };
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--editor-bar-h");
      root.style.scrollPaddingTop = "";
    };
  }, []);

  // The drawer is modal: focus goes into it, Escape closes it, and focus comes back to what opened it.
  useEffect(() => {
    if (!drawer) return;
    const opener = document.activeElement as HTMLElement | null;
    const drawerElement = panelRef.current;
    drawerElement?.querySelector<HTMLElement>("[data-panel-close]")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !document.querySelector("dialog[open]")) {
        event.preventDefault();
        close.current();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      // Back to the toggle, unless something else (a finding, moving the cursor into the text) took the focus.
      const active = document.activeElement;
      if (opener?.isConnected && (!active || active === document.body || drawerElement?.contains(active))) opener.focus();
    };
  }, [drawer]);

  return (
    <div className={`editor-screen ${panelOpen && wide ? "lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-8" : ""}`}>
      <div className={`min-w-0 ${panelOpen && wide ? "" : beside ? "mx-auto max-w-7xl" : "mx-auto max-w-3xl"}`} inert={drawer}>
        <div ref={barRef} className="sticky top-0 z-30 -mx-4 border-b border-line bg-page px-4 py-2 lg:mx-0 lg:px-0" data-testid="action-bar">
          {bar}
        </div>
        {beside ? (
          <div className="flex flex-col gap-5 pt-4 xl:grid xl:grid-cols-2 xl:items-start xl:gap-6">
            <div className="min-w-0 xl:sticky xl:top-[calc(var(--editor-bar-h,4rem)+1rem)] xl:order-2">{beside}</div>
            <div className="flex min-w-0 flex-col gap-5">{children}</div>
          </div>
        ) : (
          <div className="flex flex-col gap-5 pt-4">{children}</div>
        )}
      </div>
      {drawer && <div className="fixed inset-0 z-40 bg-black/50" aria-hidden="true" onClick={onClosePanel} />}
      {/* Complementary beside the text; a modal dialog as a drawer (a <section> may be either). */}
      <section
        ref={panelRef}
        id={panelId}
        aria-label={panelLabel}
        hidden={!panelOpen}
        role={drawer ? "dialog" : "complementary"}
        aria-modal={drawer || undefined}
        className={
          drawer
            ? "fixed inset-y-0 right-0 z-50 w-[min(24rem,100%)] overflow-y-auto border-l border-line bg-page px-4 pb-6 shadow-xl"
            : // Beside the text only from 1024 px: narrower it is a drawer, and before the page knows its width (the
              // server's first render) it must not flash open on a phone.
              "editor-panel max-lg:hidden lg:sticky lg:top-0 lg:max-h-screen lg:overflow-y-auto lg:scroll-pt-16 lg:pb-6"
        }
        data-testid="settings-panel"
      >
        <div className="sticky top-0 z-10 flex min-h-14 items-center justify-between gap-2 border-b border-line bg-page py-2">
          <h2 className="text-lg font-bold">{panelLabel}</h2>
          <button type="button" data-panel-close onClick={onClosePanel} className="inline-flex min-h-11 items-center rounded-md border border-line px-3">
            Đóng<span className="sr-only"> {panelLabel.toLowerCase()}</span>
          </button>
        </div>
        {panel}
      </section>
    </div>
  );
}
