"use client";

import { useState, type ChangeEvent } from "react";
import { toVietnamDateTimeInput } from "@/lib/validations/post";
import type { EditablePost } from "./PostForm";

export type PostFormFields = {
  title: string;
  slug: string;
  lead: string;
  categoryId: string;
  source: string;
  featuredCaption: string;
  publishedAt: string;
  seoTitle: string;
  seoDescription: string;
};

function initialFields(post: EditablePost | null, defaultSource: string): PostFormFields {
  return {
    title: post?.title ?? "",
    slug: post?.slug ?? "",
    lead: post?.lead ?? "",
    categoryId: post ? String(post.categoryId) : "",
    source: post?.source ?? defaultSource,
    featuredCaption: post?.featured.caption ?? "",
    publishedAt: toVietnamDateTimeInput(post?.publishedAt),
    seoTitle: post?.seoTitle ?? "",
    seoDescription: post?.seoDescription ?? "",
  };
}

/** Counted as the validation counts (code points), so a counter and its limit agree. */
export const letterCount = (s: string) => [...s].length;

/** The post form's text fields, each one controlled; see PostForm for why. */
export function usePostFields(post: EditablePost | null, defaultSource: string) {
  const [fields, setFields] = useState<PostFormFields>(() => initialFields(post, defaultSource));

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
