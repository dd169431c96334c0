import { useSyncExternalStore } from "react";
import {
  DEFAULT_PREFS,
  PREFS_STORAGE_KEY,
  parsePrefs,
  type ReaderPrefs,
} from "@/lib/reader/preferences";

// One module-level store: every toolbar instance (and other tabs, via `storage`)
// sees the same preferences, and the server render uses the defaults so hydration
// matches the static HTML.

const listeners = new Set<() => void>();
let current: ReaderPrefs | null = null;

function load(): ReaderPrefs {
  try {
    return parsePrefs(localStorage.getItem(PREFS_STORAGE_KEY));
  } catch {
    return parsePrefs(null);
  }
}

/** Mirrors PREPAINT_SCRIPT so a change looks exactly like a fresh page load. */
function applyToDocument(prefs: ReaderPrefs): void {
  const root = document.documentElement;
  root.setAttribute("data-font-size", String(prefs.fontSize));
  if (prefs.contrast) root.setAttribute("data-contrast", prefs.contrast);
  else root.removeAttribute("data-contrast");
}

function emit(): void {
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent): void {
  if (event.key !== null && event.key !== PREFS_STORAGE_KEY) return;
  current = load();
  applyToDocument(current);
  emit();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
}

function getPrefs(): ReaderPrefs {
  current ??= load();
  return current;
}

const getServerPrefs = (): ReaderPrefs => DEFAULT_PREFS;

export function updatePrefs(patch: Partial<ReaderPrefs>): void {
  current = { ...getPrefs(), ...patch };
  try {
    localStorage.setItem(PREFS_STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Storage may be full or blocked; the choice still holds for this page.
  }
  applyToDocument(current);
  emit();
}

const CONTRAST_QUERY = "(prefers-contrast: more)";

function subscribeSystemContrast(listener: () => void): () => void {
  const query = window.matchMedia(CONTRAST_QUERY);
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

const getSystemContrast = (): boolean => window.matchMedia(CONTRAST_QUERY).matches;
const getServerSystemContrast = (): boolean => false;

export function useReaderPrefs(): { prefs: ReaderPrefs; highContrast: boolean } {
  const prefs = useSyncExternalStore(subscribe, getPrefs, getServerPrefs);
  const systemHigh = useSyncExternalStore(
    subscribeSystemContrast,
    getSystemContrast,
    getServerSystemContrast,
  );
  // Effective state: an explicit choice wins, otherwise the system setting applies.
  const highContrast = prefs.contrast ? prefs.contrast === "high" : systemHigh;
  return { prefs, highContrast };
}
