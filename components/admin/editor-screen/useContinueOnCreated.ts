"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** How long Next's client navigation gets before the browser loads the page itself. */
export const CONTINUE_FALLBACK_MS = 5_000;

/**
 * A new post, page or document continues on its own edit page once its first save created it
 * (`href`, null until then). Next's client router takes a fraction of a second, but has been seen
 * to leave a navigation unfinished, with the URL unchanged and no error, on a loaded machine: the
 * person would stay on the "new" form, where the next save creates a second copy. If this
 * screen is still up after CONTINUE_FALLBACK_MS, the browser loads the edit page itself (what was
 * typed is saved; nothing else on this screen needs keeping).
 *
 * Returns whether the screen is on its way there: the form must not be saved again meanwhile.
 */
export function useContinueOnCreated(href: string | null, history: "push" | "replace"): boolean {
  const router = useRouter();
  useEffect(() => {
    if (!href) return;
    if (history === "push") router.push(href);
    else router.replace(href);
    const fallback = window.setTimeout(() => (history === "push" ? window.location.assign(href) : window.location.replace(href)), CONTINUE_FALLBACK_MS);
    // Unmounted: the client navigation reached the new page.
    return () => window.clearTimeout(fallback);
  }, [href, history, router]);
  return href !== null;
}
