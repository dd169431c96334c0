"use client";

import type { JSONContent } from "@tiptap/core";
import { useEffect, useState, useSyncExternalStore, type RefObject } from "react";
import { pickDraftValues, type DraftValues } from "@/lib/editor/draft-values";
import type { DraftFeatured } from "@/lib/editor/local-draft";
import { AutosaveEngine, type AutosaveView } from "./autosave-engine";

export type AutosaveHandle = { engine: AutosaveEngine; view: AutosaveView; postId: number | null };

/** Puts a restored copy (or the other person's version) into the form; only state setters, as it is taken once. */
export type ApplyDraft = (values: DraftValues, featured: DraftFeatured) => void;

export function parseDraftBody(body: string | undefined): unknown {
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}

/**
 * Autosave, the local copy, and what happens when a save meets a conflict or an expired session,
 * for a form of the posts table (the writing screen, a legal document's form). The form stays the
 * one source of what was typed: the engine reads it as the form would be sent, and writes into it
 * only through `apply`. The form calls `noteChange` on each edit (the body through `onBodyChange`).
 */
export function useAutosave({
  post,
  formRef,
  saved,
  featured = null,
  apply,
  fresh,
}: {
  post: { id: number; version: number } | null;
  formRef: RefObject<HTMLFormElement | null>;
  /** The result of the last save by hand. */
  saved: { ok?: boolean; message?: string; errors?: Record<string, string>; values?: Record<string, string> };
  /** The chosen picture, for a form that has one. */
  featured?: DraftFeatured;
  apply: ApplyDraft;
  /** The local copy's slot while the form is not yet saved (localDraftKey). */
  fresh?: string;
}) {
  const [engine] = useState(() => {
    // The editor's latest JSON, ahead of the hidden input that re-renders after it.
    let body: string | null = null;
    let currentFeatured: DraftFeatured = featured;
    const created = new AutosaveEngine(
      post?.id ?? null,
      post?.version ?? null,
      {
        readForm: (form) => {
          const values: DraftValues = form ? pickDraftValues(new FormData(form).entries()) : {};
          return body === null ? values : { ...values, body };
        },
        readFeatured: () => currentFeatured,
        apply: (values, picture) => {
          body = values.body ?? null;
          currentFeatured = picture;
          apply(values, picture);
        },
      },
      fresh,
    );
    return Object.assign(created, {
      /** Stable across renders, so a form may list it among an effect's dependencies. */
      note: () => created.noteChange(),
      setBody: (json: JSONContent) => {
        body = JSON.stringify(json);
      },
      setFeatured: (picture: DraftFeatured) => {
        currentFeatured = picture;
      },
    });
  });
  const view = useSyncExternalStore(engine.subscribe, engine.getView, engine.getView);

  useEffect(() => {
    const form = formRef.current;
    return form ? engine.start(form) : undefined;
  }, [engine, formRef]);

  useEffect(() => engine.setFeatured(featured), [engine, featured]);

  useEffect(() => engine.manualResult(saved), [engine, saved]);

  return {
    /** The version the next save is based on, for the form's hidden field. */
    version: view.version === null ? "" : String(view.version),
    noteChange: engine.note,
    onBodyChange: (json: JSONContent) => {
      engine.setBody(json);
      engine.noteChange();
    },
    handle: { engine, view, postId: post?.id ?? null } satisfies AutosaveHandle,
  };
}
