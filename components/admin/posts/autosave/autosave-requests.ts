/*
 * The editor's calls to app/api/posts/[id]/*: plain fetch, so that a lost network is an exception
 * and an expired session a 401, each of which the editor answers differently.
 */
import type { CurrentVersion, PendingDraft } from "@/lib/dal/posts";
import type { DraftValues } from "@/lib/editor/draft-values";

export type SaveReply =
  | { kind: "saved"; mode: "saved" | "kept"; version: number; savedAt: string }
  | { kind: "conflict"; current: CurrentVersion | null }
  | { kind: "signedOut" }
  | { kind: "refused"; message: string }
  /** The network or the server failed: worth trying again. */
  | { kind: "failed" };

const base = (postId: number) => `/api/posts/${postId}`;

/** `keep`: "Giữ bản của tôi", saved by hand over the version named; otherwise an autosave. */
export async function sendSave(postId: number, values: DraftValues, version: number, intent: "autosave" | "keep"): Promise<SaveReply> {
  const body = new FormData();
  for (const [key, value] of Object.entries(values)) body.set(key, value);
  body.set("version", String(version));
  body.set("intent", intent);
  let response: Response;
  try {
    response = await fetch(`${base(postId)}/autosave`, { method: "POST", body, credentials: "same-origin", cache: "no-store" });
  } catch {
    return { kind: "failed" };
  }
  if (response.status === 401) return { kind: "signedOut" };
  if (response.status >= 500) return { kind: "failed" };
  const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!data) return { kind: "failed" };
  if (response.status === 409) return { kind: "conflict", current: (data.current as CurrentVersion | null) ?? null };
  if (!response.ok) return { kind: "refused", message: String(data.error ?? "") };
  return { kind: "saved", mode: data.mode === "kept" ? "kept" : "saved", version: Number(data.version), savedAt: String(data.savedAt) };
}

export async function fetchPendingDraft(postId: number): Promise<PendingDraft | null> {
  try {
    const response = await fetch(`${base(postId)}/autosave`, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) return null;
    return ((await response.json()) as { draft: PendingDraft | null }).draft;
  } catch {
    return null;
  }
}

export async function discardPendingDraft(postId: number): Promise<boolean> {
  try {
    return (await fetch(`${base(postId)}/autosave`, { method: "DELETE", credentials: "same-origin" })).ok;
  } catch {
    return false;
  }
}

export async function fetchCurrentVersion(postId: number): Promise<CurrentVersion | null> {
  try {
    const response = await fetch(`${base(postId)}/current`, { credentials: "same-origin", cache: "no-store" });
    return response.ok ? ((await response.json()) as CurrentVersion) : null;
  } catch {
    return null;
  }
}

/** Asks next-auth whether the browser still has a session (after a save by hand failed). */
export async function stillSignedIn(): Promise<boolean> {
  try {
    const session = (await (await fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" })).json()) as { user?: unknown };
    return Boolean(session?.user);
  } catch {
    return true;
  }
}

export const presenceUrl = (postId: number, leave = false) => `${base(postId)}/presence${leave ? "?leave=1" : ""}`;
