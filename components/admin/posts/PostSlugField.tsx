"use client";

import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { SLUG_MAX } from "@/lib/validations/post";
import { slugify } from "@/lib/vi/slug";
import { useSlugCheck } from "./useSlugCheck";

/** The slug as generated from the title; an empty title has none yet (not the `bai-viet` fallback). */
export const slugFromTitle = (title: string) => (title.trim() === "" ? "" : slugify(title));

/**
 * The slug field with its live check. While `auto` is on the slug follows the title (the form does
 * that); typing turns it off, "Tạo lại từ tiêu đề" turns it back on. A page's slug is its own
 * segment of the path: `address` shows the whole of it, `page` has it checked under the chosen parent.
 */
export function PostSlugField({
  post,
  address,
  noun,
  page,
  title,
  slug,
  auto,
  error,
  onSlugChange,
  onAutoChange,
}: {
  post: { id: number; slug: string; parentId?: number | null } | null;
  /** The public address this slug gives (`/tin-tuc/…`, `/gioi-thieu/co-cau-to-chuc`). */
  address: string;
  /** "bài viết", "trang". */
  noun: string;
  page?: { parentId: string };
  title: string;
  slug: string;
  auto: boolean;
  error?: string;
  onSlugChange: (slug: string) => void;
  onAutoChange: (auto: boolean) => void;
}) {
  const currentCheck = useSlugCheck(slug, post, page);

  let slugMessage: { text: string; error: boolean } | null = null;
  if (currentCheck && currentCheck.status !== "available" && currentCheck.status !== "empty") {
    slugMessage = auto && currentCheck.status === "taken"
      ? { text: `Đường dẫn này đã có ${noun} khác dùng; khi lưu, ${noun} này sẽ dùng “${currentCheck.suggestion}”.`, error: false }
      : { text: currentCheck.message, error: true };
  } else if (currentCheck?.status === "available") {
    slugMessage = { text: currentCheck.message, error: false };
  }

  return (
    <FieldShell
      label="Đường dẫn"
      error={error}
      hint={`Địa chỉ ${noun}: ${address}. ${auto ? "Đang tạo tự động từ tiêu đề." : `Tối đa ${SLUG_MAX} ký tự.`}`}
    >
      {(control) => (
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap gap-2">
            <input
              {...control}
              name="slug"
              autoComplete="off"
              spellCheck={false}
              value={slug}
              onChange={(e) => {
                onAutoChange(false);
                onSlugChange(e.target.value);
              }}
              className={`${CONTROL_CLASS} min-w-0 flex-1 font-mono`}
            />
            {!auto && (
              <button
                type="button"
                onClick={() => {
                  onAutoChange(true);
                  onSlugChange(slugFromTitle(title));
                }}
                className="min-h-11 rounded-md border border-line px-3"
              >
                Tạo lại từ tiêu đề
              </button>
            )}
          </div>
          <p role="status" aria-live="polite" data-testid="slug-check" className={`text-sm ${slugMessage?.error ? "font-semibold text-red-800" : "text-muted"}`}>
            {slugMessage?.text}
            {slugMessage?.error && currentCheck?.status === "taken" && (
              <button type="button" onClick={() => onSlugChange(currentCheck.suggestion)} className="ml-2 underline underline-offset-4">
                Dùng “{currentCheck.suggestion}”
              </button>
            )}
          </p>
        </div>
      )}
    </FieldShell>
  );
}
