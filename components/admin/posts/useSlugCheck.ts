"use client";

import { useEffect, useState } from "react";
import { checkPostSlugAction } from "@/app/admin/posts/actions";
import type { SlugCheck } from "@/lib/dal/posts";
import { ownSegment } from "@/lib/editor/post-form";

const SLUG_CHECK_DELAY_MS = 400;

/**
 * As-you-type uniqueness check, debounced; the post's own current slug needs no check. Null
 * until there is an answer about exactly this slug. `page`: a page's segment, checked under the
 * chosen parent (the post's own slug is its own only under its current parent).
 */
export function useSlugCheck(slug: string, post: { id: number; slug: string; parentId?: number | null } | null, page?: { parentId: string }): SlugCheck | null {
  // The answer is kept with the slug (and parent) it is about, so a late answer never describes newer typing.
  const [slugCheck, setSlugCheck] = useState<{ key: string; result: SlugCheck | null } | null>(null);
  const checkedSlug = slug.trim();
  const parentId = page?.parentId;
  const key = `${parentId ?? ""}/${checkedSlug}`;
  const own = post !== null && checkedSlug === ownSegment(post.slug) && (parentId === undefined || parentId === String(post.parentId ?? ""));
  const needsCheck = checkedSlug !== "" && !own;
  useEffect(() => {
    if (!needsCheck) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      checkPostSlugAction(checkedSlug, post?.id, parentId === undefined ? undefined : { parentId }).then(
        (result) => {
          if (!cancelled) setSlugCheck({ key, result });
        },
        () => {
          // A failed check is not an error: the save checks again.
          if (!cancelled) setSlugCheck({ key, result: null });
        },
      );
    }, SLUG_CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [checkedSlug, needsCheck, post?.id, parentId, key]);
  return needsCheck && slugCheck?.key === key ? slugCheck.result : null;
}
