"use client";

import type { JSONContent } from "@tiptap/core";
import { useEffect, useState, useSyncExternalStore, type Dispatch, type RefObject, type SetStateAction } from "react";
import { pickDraftValues, type DraftValues } from "@/lib/editor/draft-values";
import type { DraftFeatured } from "@/lib/editor/local-draft";
import { fieldsFromValues, type EditablePost, type Featured, type PostFormFields } from "@/lib/editor/post-form";
import { AutosaveEngine, type AutosaveView } from "./autosave-engine";

/** The post form's state setters a restore needs: every field, and the editor remounted on a new body. */
export type FormRestorers = {
  setFields: Dispatch<SetStateAction<PostFormFields>>;
  setSlugAuto: Dispatch<SetStateAction<boolean>>;
  setFeatured: Dispatch<SetStateAction<Featured>>;
  setBody: Dispatch<SetStateAction<unknown>>;
  setEditorKey: Dispatch<SetStateAction<number>>;
};

export type AutosaveHandle = { engine: AutosaveEngine; view: AutosaveView; postId: number | null };

function parseBody(body: string | undefined): unknown {
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}

/**
 * Autosave, the local copy, and what happens when a save meets a conflict or an expired session,
 * for the post form. The form stays the one source of what was typed: the engine reads it as the
 * form would be sent, and writes into it only through the form's own setters.
 */
export function useAutosave({
  post,
  formRef,
  saved,
  fields,
  slugAuto,
  featured,
  restore,
}: {
  post: EditablePost | null;
  formRef: RefObject<HTMLFormElement | null>;
  /** The result of the last save by hand. */
  saved: { ok?: boolean; message?: string; errors?: Record<string, string>; values?: Record<string, string> };
  fields: PostFormFields;
  slugAuto: boolean;
  featured: Featured;
  restore: FormRestorers;
}) {
  const [engine] = useState(() => {
    // The editor's latest JSON, ahead of the hidden input that re-renders after it.
    let body: string | null = null;
    let currentFeatured: DraftFeatured = featured;
    const created = new AutosaveEngine(post?.id ?? null, post?.version ?? null, {
      readForm: (form) => {
        const values: DraftValues = form ? pickDraftValues(new FormData(form).entries()) : {};
        return body === null ? values : { ...values, body };
      },
      readFeatured: () => currentFeatured,
      apply: (values, picture) => {
        body = values.body ?? null;
        currentFeatured = picture;
        restore.setFields(fieldsFromValues(values));
        restore.setSlugAuto(values.slugAuto === "1");
        restore.setFeatured(picture);
        restore.setBody(parseBody(values.body));
        restore.setEditorKey((k) => k + 1);
      },
    });
    return Object.assign(created, {
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

  useEffect(() => {
    engine.setFeatured(featured);
    engine.noteChange();
  }, [engine, fields, slugAuto, featured]);

  useEffect(() => engine.manualResult(saved), [engine, saved]);

  return {
    /** The version the next save is based on, for the form's hidden field. */
    version: view.version === null ? "" : String(view.version),
    onBodyChange: (json: JSONContent) => {
      engine.setBody(json);
      engine.noteChange();
    },
    handle: { engine, view, postId: post?.id ?? null } satisfies AutosaveHandle,
  };
}
