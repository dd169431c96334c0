"use client";

import { autosaveStatusText } from "@/lib/editor/autosave-status";
import { ConflictDialog } from "./ConflictDialog";
import { PresenceNote } from "./PresenceNote";
import { RestoreOffer } from "./RestoreOffer";
import { SignInAgainDialog } from "./SignInAgainDialog";
import type { AutosaveHandle } from "./useAutosave";

const LINK_BUTTON = "inline-flex min-h-11 items-center underline underline-offset-4";

/** Everything the post form shows about saving: who else is here, copies to restore, the status line, and the dialogs. */
export function AutosavePanel({ handle }: { handle: AutosaveHandle }) {
  const { engine, view, postId } = handle;
  const text = autosaveStatusText(view.status);
  const failed = view.status.kind === "retrying" || view.status.kind === "offline" || view.status.kind === "signedOut" || view.status.kind === "conflict";
  return (
    <div className="flex flex-col gap-3">
      {postId !== null && <PresenceNote postId={postId} />}
      {view.offers.map((offer) => (
        <RestoreOffer key={offer.source} offer={offer} onRestore={() => engine.restoreOffer(offer)} onDiscard={() => void engine.discardOffer(offer)} />
      ))}
      <div className="flex flex-wrap items-center gap-3">
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
      {view.conflict && (
        <ConflictDialog conflict={view.conflict} onKeepMine={() => void engine.keepMine()} onTakeTheirs={() => engine.takeTheirs()} onClose={() => engine.closeConflict()} />
      )}
      {view.signIn && <SignInAgainDialog onSignedIn={() => engine.signedIn()} onClose={() => engine.openSignIn(false)} />}
    </div>
  );
}
