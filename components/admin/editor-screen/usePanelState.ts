"use client";

import { useState, useSyncExternalStore } from "react";

const STORAGE_KEY = "cms-editor-panel";
const WIDE_QUERY = "(min-width: 1024px)";

function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

function subscribeWidth(onChange: () => void) {
  const query = window.matchMedia(WIDE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const readStored = () => {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== "closed";
  } catch {
    return true;
  }
};

/**
 * Whether the settings panel shows. From 1024 px it sits beside the text, open unless the person
 * closed it (remembered in localStorage, for every post); narrower, it is a drawer over the text
 * that starts closed each time.
 */
export function usePanelState() {
  const wide = useSyncExternalStore(subscribeWidth, () => window.matchMedia(WIDE_QUERY).matches, () => true);
  const stored = useSyncExternalStore(subscribeStorage, readStored, () => true);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const [drawer, setDrawer] = useState(false);
  const open = wide ? (chosen ?? stored) : drawer;

  function setOpen(next: boolean) {
    if (!wide) {
      setDrawer(next);
      return;
    }
    setChosen(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next ? "open" : "closed");
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  /** Shows the panel for a moment's need (a refused field in it) without changing the remembered choice. */
  function reveal() {
    if (wide) setChosen(true);
    else setDrawer(true);
  }

  return { wide, open, setOpen, reveal };
}
