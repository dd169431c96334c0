"use client";

import { useEffect, useState } from "react";
import { checkPostSlugAction } from "@/app/admin/posts/actions";
import type { SlugCheck } from "@/lib/dal/posts";

const SLUG_CHECK_DELAY_MS = 400;

/**
 * As-you-type uniqueness check, debounced; the post's own current slug needs no check. Null
 * until there is an answer about exactly this slug.
 */
export function useSlugCheck(slug: string, post: { id: number; slug: string } | null): SlugCheck | null {
  // The answer is kept with the slug it is about, so a late answer never describes newer typing.
  const [slugCheck, setSlugCheck] = useState<{ slug: string; result: SlugCheck | null } | null>(null);
  const checkedSlug = slug.trim();
  const needsCheck = checkedSlug !== "" && checkedSlug !== post?.slug;
  useEffect(() => {
    if (!needsCheck) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      checkPostSlugAction(checkedSlug, post?.id).then(
        (result) => {
          if (!cancelled) setSlugCheck({ slug: checkedSlug, result });
        },
        () => {
          // A failed check is not an error: the save checks again.
          if (!cancelled) setSlugCheck({ slug: checkedSlug, result: null });
        },
      );
    }, SLUG_CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [checkedSlug, needsCheck, post?.id]);
  return needsCheck && slugCheck?.slug === checkedSlug ? slugCheck.result : null;
}
