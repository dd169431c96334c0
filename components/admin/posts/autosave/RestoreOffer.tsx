"use client";

import { formatVietnamMoment } from "@/lib/editor/autosave-status";
import type { Offer } from "./autosave-engine";

const WORDING: Record<Offer["source"], { label: string; text: string }> = {
  local: { label: "Bản chưa lưu trên máy này", text: "Có bản chưa lưu trên máy này lúc" },
  server: { label: "Thay đổi chưa đăng", text: "Bạn có thay đổi chưa đăng lúc" },
};

/** Offers back a copy of the form that differs from what was opened: restore it, or let it go. */
export function RestoreOffer({ offer, onRestore, onDiscard }: { offer: Offer; onRestore: () => void; onDiscard: () => void }) {
  const wording = WORDING[offer.source];
  return (
    <section aria-label={wording.label} className="flex flex-wrap items-center justify-between gap-3 rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
      <p>
        {wording.text} {formatVietnamMoment(new Date(offer.savedAt))}.
        {offer.source === "server" && " Các thay đổi này chưa được đưa lên trang tin."}
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={onRestore} className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
          Khôi phục
        </button>
        <button type="button" onClick={onDiscard} className="inline-flex min-h-11 items-center rounded-md border border-amber-800 bg-page px-4 text-ink">
          Bỏ
        </button>
      </div>
    </section>
  );
}
