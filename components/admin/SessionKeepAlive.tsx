"use client";

import { useEffect } from "react";
import { SESSION_KEEPALIVE_MS } from "@/lib/auth/session-policy";

/**
 * Server-rendered pages cannot refresh the session cookie, so while the user is active this
 * touches /api/auth/session, which slides the idle timeout (and fails once the session is revoked).
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let active = false;
    const markActive = () => (active = true);
    const events = ["keydown", "pointerdown", "scroll"] as const;
    events.forEach((e) => window.addEventListener(e, markActive, { passive: true }));
    const timer = window.setInterval(() => {
      if (!active) return;
      active = false;
      void fetch("/api/auth/session", { credentials: "same-origin" });
    }, SESSION_KEEPALIVE_MS);
    return () => {
      window.clearInterval(timer);
      events.forEach((e) => window.removeEventListener(e, markActive));
    };
  }, []);
  return null;
}
