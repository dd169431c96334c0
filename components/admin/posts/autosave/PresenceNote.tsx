"use client";

import { useEffect, useState } from "react";
import { presenceUrl } from "./autosave-requests";

const HEARTBEAT_MS = 5_000;

/** "Đang mở bài này: …": who else has this post open, from a heartbeat every few seconds. */
export function PresenceNote({ postId }: { postId: number }) {
  const [others, setOthers] = useState<string[]>([]);

  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      try {
        const response = await fetch(presenceUrl(postId), { method: "POST", credentials: "same-origin", cache: "no-store" });
        if (!stopped && response.ok) setOthers(((await response.json()) as { others: string[] }).others);
      } catch {
        // Offline: the list simply goes stale until the network is back; the save status says the rest.
      }
    };
    void beat();
    const timer = window.setInterval(() => void beat(), HEARTBEAT_MS);
    // Best effort: a closed tab that sends nothing drops out of the others' lists within seconds anyway.
    const leave = () => navigator.sendBeacon?.(presenceUrl(postId, true));
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [postId]);

  return (
    <div role="status" aria-live="polite">
      {others.length > 0 && (
        <p data-testid="presence" className="rounded-md border border-sky-700 bg-sky-50 px-3 py-2 text-sky-950">
          Đang mở bài này: {others.join(", ")}
        </p>
      )}
    </div>
  );
}
