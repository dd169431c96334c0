"use client";

import { useState, type ChangeEvent } from "react";
import { initialFields, type EditablePost, type NewPostDefaults, type PostFormFields } from "@/lib/editor/post-form";

/** The post form's text fields, each one controlled; see PostForm for why. */
export function usePostFields(post: EditablePost | null, defaults: NewPostDefaults) {
  const [fields, setFields] = useState<PostFormFields>(() => initialFields(post, defaults));

  function set<K extends keyof PostFormFields>(key: K, value: PostFormFields[K]) {
    setFields((f) => ({ ...f, [key]: value }));
  }

  /** Name, value and change handler of a field that simply holds what is typed. */
  function bind(key: keyof PostFormFields) {
    return { name: key, value: fields[key], onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(key, e.target.value) };
  }

  return { fields, setFields, set, bind };
}

export type PostFieldsState = ReturnType<typeof usePostFields>;
