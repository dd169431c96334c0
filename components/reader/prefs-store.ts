import { DEFAULT_PREFS, PREFS_STORAGE_KEY, parsePrefs, type ReaderPrefs } from "@/lib/reader/preferences";

// The reader's preferences in the browser: one store for every toolbar on the page, kept in
// localStorage, followed across tabs (`storage`) and, for contrast, the system setting.

const CONTRAST_QUERY = "(prefers-contrast: more)";
const listeners = new Set<() => void>();
let current: ReaderPrefs | null = null;

function load(): ReaderPrefs {
  try {
    return parsePrefs(localStorage.getItem(PREFS_STORAGE_KEY));
  } catch {
    return { ...DEFAULT_PREFS };
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

export function getPrefs(): ReaderPrefs {
  current ??= load();
  return current;
}

/** Effective contrast: an explicit choice wins, otherwise the system setting applies. */
export function isHighContrast(prefs: ReaderPrefs): boolean {
  return prefs.contrast ? prefs.contrast === "high" : window.matchMedia(CONTRAST_QUERY).matches;
}

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

/** Calls `listener` after every change of the preferences or of the system contrast; returns the unsubscribe. */
export function subscribePrefs(listener: () => void): () => void {
  const query = window.matchMedia(CONTRAST_QUERY);
  if (listeners.size === 0) {
    window.addEventListener("storage", onStorage);
    query.addEventListener("change", emit);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener("storage", onStorage);
      query.removeEventListener("change", emit);
    }
  };
}
