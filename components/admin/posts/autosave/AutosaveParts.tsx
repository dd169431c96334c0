"use client";

import { autosaveStatusText } from "@/lib/editor/autosave-status";
import { ConflictDialog } from "./ConflictDialog";
import { RestoreOffer } from "./RestoreOffer";
import { SignInAgainDialog } from "./SignInAgainDialog";
import type { AutosaveHandle } from "./useAutosave";

const LINK_BUTTON = "inline-flex min-h-11 items-center underline underline-offset-4";

/*
 * What the writing screen shows about saving, in the places it belongs: the status line in the
 * action bar, copies to restore above the text, and the conflict and sign-in dialogs. Who else has
 * the post open is in the settings panel (PresenceNote).
 */

/** "Đã lưu lúc 14:53", or what went wrong, with the way out ("Xem hai bản", "Đăng nhập lại"). */
export function AutosaveStatusLine({ handle }: { handle: AutosaveHandle }) {
  const { engine, view } = handle;
  const text = autosaveStatusText(view.status);
  const failed = view.status.kind === "retrying" || view.status.kind === "offline" || view.status.kind === "signedOut" || view.status.kind === "conflict";
  return (
    <div className="flex flex-wrap items-center gap-x-3">
      <p role="status" aria-live="polite" data-testid="autosave-status" className={failed ? "font-semibold text-red-800" : "text-muted"}>
        {text}
      </p>
      {view.status.kind === "conflict" && !view.conflict && (
        <button type="button" onClick={() => void engine.reopenConflict()} className={LINK_BUTTON}>
          Xem hai bản
        </button>
      )}
      {view.status.kind === "signedOut" && !view.signIn && (
        <button type="button" onClick={() => engine.openSignIn(true)} className={LINK_BUTTON}>
          Đăng nhập lại
        </button>
      )}
    </div>
  );
}

/** Copies of the form to restore (this browser's, or this person's pending draft of a public post), and the dialogs. */
export function AutosaveOffers({ handle }: { handle: AutosaveHandle }) {
  const { engine, view } = handle;
  return (
    <>
      {view.offers.map((offer) => (
        <RestoreOffer key={offer.source} offer={offer} onRestore={() => engine.restoreOffer(offer)} onDiscard={() => void engine.discardOffer(offer)} />
      ))}
      {view.conflict && (
        <ConflictDialog conflict={view.conflict} onKeepMine={() => void engine.keepMine()} onTakeTheirs={() => engine.takeTheirs()} onClose={() => engine.closeConflict()} />
      )}
      {view.signIn && <SignInAgainDialog onSignedIn={() => engine.signedIn()} onClose={() => engine.openSignIn(false)} />}
    </>
  );
}
