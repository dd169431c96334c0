/*
 * The editor's saving machine, outside React so its timers, the request in flight and what the
 * server already has live in one place (and not in refs read during render). The hook
 * useAutosave wires it to the form; the panel renders its view.
 */
import type { CurrentVersion } from "@/lib/dal/posts";
import { retryDelayMs, type AutosaveStatus } from "@/lib/editor/autosave-status";
import { sameDraft, type DraftValues } from "@/lib/editor/draft-values";
import { clearLocalDraft, differsFrom, readLocalDraft, writeLocalDraft, type DraftFeatured } from "@/lib/editor/local-draft";
import { POST_MESSAGES } from "@/lib/validations/post";
import { discardPendingDraft, fetchCurrentVersion, fetchPendingDraft, sendSave, stillSignedIn, type SaveReply } from "./autosave-requests";
import { valuesFromPost } from "@/lib/editor/post-form";

/** A copy of the form to offer back: kept in this browser, or kept aside on the server (a public post). */
export type Offer = { source: "local" | "server"; savedAt: number; values: DraftValues; featured: DraftFeatured; baseVersion: number | null };
export type Conflict = { current: CurrentVersion; mine: DraftValues; error?: string };
export type AutosaveView = { status: AutosaveStatus; version: number | null; offers: Offer[]; conflict: Conflict | null; signIn: boolean };

/** What the engine needs from the page: the form's values now, and a way to put values into it. */
export type AutosaveIo = {
  readForm: (form: HTMLFormElement | null) => DraftValues;
  readFeatured: () => DraftFeatured;
  apply: (values: DraftValues, featured: DraftFeatured) => void;
};

/** Quiet time before an autosave, and the longest typing may go unsaved. */
export const AUTOSAVE_IDLE_MS = 3_000;
export const AUTOSAVE_MAX_WAIT_MS = 30_000;
const LOCAL_COPY_MS = 300;

type ManualResult = { ok?: boolean; message?: string; errors?: Record<string, string>; values?: Record<string, string> };

export class AutosaveEngine {
  private view: AutosaveView;
  private readonly listeners = new Set<() => void>();
  /** What the server holds for this person (the post, or their pending draft); at first, the form as opened. */
  private serverHas: DraftValues | null = null;
  private dirtySince: number | null = null;
  private inFlight = false;
  private again = false;
  private attempt = 0;
  private blocked: "conflict" | "signedOut" | null = null;
  /** An offered local copy is not overwritten by new typing until the person chooses. */
  private holdLocal = false;
  private submitted: DraftValues | null = null;
  private queuedSubmitter: HTMLElement | null | undefined = undefined;
  private lastManual: ManualResult | null = null;
  private timers: { local?: number; save?: number; retry?: number } = {};
  private form: HTMLFormElement | null = null;

  constructor(
    private readonly postId: number | null,
    version: number | null,
    private readonly io: AutosaveIo,
    /** The local copy's slot while the form is not yet saved (lib/editor/local-draft.ts, localDraftKey). */
    private readonly fresh = "new",
  ) {
    this.view = { status: { kind: "idle" }, version, offers: [], conflict: null, signIn: false };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getView = () => this.view;

  private set(patch: Partial<AutosaveView>) {
    this.view = { ...this.view, ...patch };
    this.listeners.forEach((l) => l());
  }

  private setStatus(status: AutosaveStatus) {
    this.set({ status });
  }

  private get storage(): Storage | null {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  }

  /** Mount: take the form as opened as the baseline, look for copies to offer, listen to the browser. */
  start(form: HTMLFormElement): () => void {
    this.form = form;
    this.serverHas = this.read();
    this.findOffers();
    const onSubmit = (event: SubmitEvent) => this.beforeManualSubmit(event, form);
    const online = () => {
      if (this.view.status.kind === "offline" || this.view.status.kind === "retrying") {
        this.attempt = 0;
        void this.runAutosave();
      }
    };
    const offline = () => {
      if (!this.inSync()) this.setStatus({ kind: "offline" });
    };
    const hide = () => this.writeLocalNow();
    const visibility = () => document.visibilityState === "hidden" && this.writeLocalNow();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      // Only when a save has failed: the local copy keeps the text, but the person should know.
      if (["offline", "retrying", "signedOut", "conflict"].includes(this.view.status.kind) && !this.inSync()) event.preventDefault();
    };
    // Capture on the form runs before React's own submit handler, which is delegated to the root.
    form.addEventListener("submit", onSubmit, { capture: true });
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    window.addEventListener("pagehide", hide);
    document.addEventListener("visibilitychange", visibility);
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      form.removeEventListener("submit", onSubmit, { capture: true });
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.removeEventListener("pagehide", hide);
      document.removeEventListener("visibilitychange", visibility);
      window.removeEventListener("beforeunload", beforeUnload);
      Object.values(this.timers).forEach((t) => window.clearTimeout(t));
    };
  }

  private findOffers() {
    const storage = this.storage;
    const local = storage ? readLocalDraft(storage, this.postId, Date.now(), this.fresh) : null;
    const current = this.read();
    if (differsFrom(local, current)) {
      this.holdLocal = true;
      this.set({ offers: [{ source: "local", savedAt: local.savedAt, values: local.values, featured: local.featured, baseVersion: local.baseVersion }] });
    } else if (local && storage) {
      clearLocalDraft(storage, this.postId, this.fresh);
    }
    if (this.postId === null) return;
    void fetchPendingDraft(this.postId).then((draft) => {
      if (!draft || sameDraft(draft.values, current)) return;
      const server: Offer = { source: "server", savedAt: Date.parse(draft.savedAt), values: draft.values, featured: draft.featured, baseVersion: draft.baseVersion };
      // The same text in both places is one offer, not two.
      const others = this.view.offers.filter((o) => !(o.source === "local" && sameDraft(o.values, draft.values)));
      this.set({ offers: [server, ...others] });
    });
  }

  private read(): DraftValues {
    return this.io.readForm(this.form);
  }

  private inSync(): boolean {
    return this.serverHas !== null && sameDraft(this.read(), this.serverHas);
  }

  private clearLocal() {
    const storage = this.storage;
    if (storage) clearLocalDraft(storage, this.postId, this.fresh);
  }

  /** Every change: a local copy soon, an autosave after a pause (or at the latest every 30 s of typing). */
  noteChange() {
    window.clearTimeout(this.timers.local);
    this.timers.local = window.setTimeout(() => this.writeLocalNow(), LOCAL_COPY_MS);
    if (this.postId === null || this.blocked) return;
    const now = Date.now();
    this.dirtySince ??= now;
    this.scheduleSave(Math.min(AUTOSAVE_IDLE_MS, Math.max(0, this.dirtySince + AUTOSAVE_MAX_WAIT_MS - now)));
  }

  private scheduleSave(delay: number) {
    window.clearTimeout(this.timers.save);
    this.timers.save = window.setTimeout(() => void this.runAutosave(), delay);
  }

  writeLocalNow() {
    window.clearTimeout(this.timers.local);
    const storage = this.storage;
    const values = this.read();
    if (this.serverHas && sameDraft(values, this.serverHas)) {
      if (!this.holdLocal) this.clearLocal();
      return;
    }
    if (this.holdLocal || !storage) return;
    const at = Date.now();
    const kept = writeLocalDraft(storage, { postId: this.postId, baseVersion: this.view.version, savedAt: at, values, featured: this.io.readFeatured() }, this.fresh);
    if (this.postId === null && kept) this.setStatus({ kind: "local", at: new Date(at) });
    else if (["idle", "saved", "local"].includes(this.view.status.kind)) this.setStatus({ kind: "unsaved" });
  }

  async runAutosave(): Promise<void> {
    window.clearTimeout(this.timers.save);
    if (this.postId === null || this.blocked) return;
    if (this.inFlight) {
      // One save in flight per post; what is typed meanwhile goes in the next one.
      this.again = true;
      return;
    }
    const values = this.read();
    if (this.serverHas && sameDraft(values, this.serverHas)) {
      this.dirtySince = null;
      if (this.view.status.kind === "unsaved") this.setStatus({ kind: "idle" });
      return;
    }
    if (!navigator.onLine) {
      this.setStatus({ kind: "offline" });
      return;
    }
    this.inFlight = true;
    this.setStatus({ kind: "saving" });
    const reply = await sendSave(this.postId, values, this.view.version ?? 0, "autosave");
    this.inFlight = false;
    this.handleReply(reply, values);
    if (this.queuedSubmitter !== undefined) {
      const submitter = this.queuedSubmitter;
      this.queuedSubmitter = undefined;
      // After the version field has re-rendered with the version the autosave produced.
      window.setTimeout(() => this.form?.requestSubmit(submitter ?? undefined), 0);
      return;
    }
    if ((this.again || !this.inSync()) && reply.kind === "saved") this.scheduleSave(AUTOSAVE_IDLE_MS);
    this.again = false;
  }

  private handleReply(reply: SaveReply, values: DraftValues) {
    switch (reply.kind) {
      case "saved":
        this.attempt = 0;
        if (reply.mode === "saved") this.set({ version: reply.version });
        this.serverHas = values;
        this.dirtySince = null;
        this.setStatus({ kind: "saved", at: new Date(reply.savedAt), aside: reply.mode === "kept" });
        if (!this.holdLocal && sameDraft(this.read(), values)) this.clearLocal();
        return;
      case "conflict":
        this.blocked = "conflict";
        this.setStatus({ kind: "conflict" });
        if (reply.current) this.set({ conflict: { current: reply.current, mine: values } });
        return;
      case "signedOut":
        this.blocked = "signedOut";
        this.writeLocalNow();
        this.set({ status: { kind: "signedOut" }, signIn: true });
        return;
      case "refused":
        // Not worth retrying (a required field emptied, a permission gone): the next change tries again.
        this.dirtySince = null;
        this.setStatus({ kind: "refused", message: reply.message });
        return;
      case "failed":
        this.attempt += 1;
        this.setStatus({ kind: navigator.onLine ? "retrying" : "offline" });
        window.clearTimeout(this.timers.retry);
        if (navigator.onLine) this.timers.retry = window.setTimeout(() => void this.runAutosave(), retryDelayMs(this.attempt));
        return;
    }
  }

  /** A save by hand waits for the autosave in flight, so the two never race each other into a conflict. */
  private beforeManualSubmit(event: SubmitEvent, form: HTMLFormElement) {
    if (event.target !== form) return;
    window.clearTimeout(this.timers.save);
    if (this.inFlight) {
      event.preventDefault();
      event.stopPropagation();
      this.queuedSubmitter = event.submitter;
      return;
    }
    this.submitted = this.read();
  }

  /** The result of a save by hand (the form's action state). */
  manualResult(state: ManualResult) {
    if (state === this.lastManual || !state.message) return;
    this.lastManual = state;
    if (state.ok) {
      const version = Number(state.values?.version);
      if (this.postId !== null && Number.isInteger(version) && version > 0) this.set({ version });
      this.serverHas = this.submitted ?? this.read();
      this.blocked = null;
      this.dirtySince = null;
      this.holdLocal = false;
      // A new post continues on its own page, under its own key; on an existing one the server has what was sent.
      if (this.postId === null || this.inSync()) this.clearLocal();
      this.set({ status: { kind: "saved", at: new Date() }, offers: this.view.offers.filter((o) => o.source !== "server") });
      return;
    }
    if (state.message === POST_MESSAGES.conflict && this.postId !== null) {
      this.blocked = "conflict";
      this.setStatus({ kind: "conflict" });
      const mine = this.submitted ?? this.read();
      void fetchCurrentVersion(this.postId).then((current) => current && this.set({ conflict: { current, mine } }));
      return;
    }
    if (!state.errors) {
      void stillSignedIn().then((signedIn) => {
        if (signedIn) return;
        this.blocked = "signedOut";
        this.writeLocalNow();
        this.set({ status: { kind: "signedOut" }, signIn: true });
      });
    }
  }

  restoreOffer(offer: Offer) {
    this.io.apply(offer.values, offer.featured);
    if (this.postId !== null && offer.baseVersion !== null) this.set({ version: offer.baseVersion });
    this.holdLocal = false;
    this.set({ offers: [] });
    this.noteChange();
  }

  async discardOffer(offer: Offer) {
    if (offer.source === "local") {
      this.holdLocal = false;
      this.clearLocal();
    } else if (this.postId !== null) {
      await discardPendingDraft(this.postId);
    }
    this.set({ offers: this.view.offers.filter((o) => o !== offer) });
    this.noteChange();
  }

  /** "Giữ bản của tôi": what is in the form now, saved over the version the other person made. */
  async keepMine() {
    const conflict = this.view.conflict;
    if (!conflict || this.postId === null) return;
    const values = this.read();
    this.setStatus({ kind: "saving" });
    const reply = await sendSave(this.postId, values, conflict.current.post.version, "keep");
    if (reply.kind === "saved") {
      this.blocked = null;
      this.set({ conflict: null });
    } else if (reply.kind === "refused" || reply.kind === "failed") {
      this.set({ conflict: { ...conflict, error: reply.kind === "refused" ? reply.message : "Chưa lưu được do mất kết nối hoặc lỗi hệ thống. Hãy thử lại." } });
      this.setStatus({ kind: "conflict" });
      return;
    }
    this.handleReply(reply, values);
  }

  /** "Lấy bản của người kia": the server's version into the form; mine is already kept as a revision. */
  takeTheirs() {
    const conflict = this.view.conflict;
    if (!conflict) return;
    const fromPost = valuesFromPost(conflict.current.post);
    const values = { ...fromPost.values, ...conflict.current.values };
    const featured = fromPost.featured;
    this.io.apply(values, featured);
    this.serverHas = values;
    this.blocked = null;
    this.dirtySince = null;
    this.holdLocal = false;
    this.clearLocal();
    this.set({ conflict: null, version: conflict.current.post.version, status: { kind: "idle" } });
  }

  closeConflict() {
    this.set({ conflict: null });
  }

  async reopenConflict() {
    if (this.postId === null) return;
    const current = await fetchCurrentVersion(this.postId);
    if (current) this.set({ conflict: { current, mine: this.read() } });
  }

  openSignIn(open: boolean) {
    this.set({ signIn: open });
  }

  /** Signed in again from the dialog: save what waited. */
  signedIn() {
    this.blocked = null;
    this.attempt = 0;
    this.set({ signIn: false, status: { kind: "unsaved" } });
    void this.runAutosave();
  }
}
