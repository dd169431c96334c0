"use client";

import { useState } from "react";
import { MediaPicker } from "@/components/editor/MediaPicker";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import type { MediaDto } from "@/lib/dal/media/store";
import { CAPTION_MAX } from "@/lib/validations/post";
import type { Featured } from "@/lib/editor/post-form";
import type { PostFieldsState } from "./usePostFields";

/** The featured image: preview, choose from the library (which may also fill an empty caption), remove; and its caption. */
export function FeaturedImageField({
  featured,
  onFeaturedChange,
  form,
  errors,
  english = false,
}: {
  /** An English post describes and captions the image in English itself: the library's words are Vietnamese. */
  english?: boolean;
  featured: Featured;
  onFeaturedChange: (featured: Featured) => void;
  form: PostFieldsState;
  errors: Record<string, string>;
}) {
  const [pickerOpen, setPickerOpen] = useState(false);

  function pick(media: MediaDto) {
    onFeaturedChange({ mediaId: media.id, src: media.src, alt: media.alt, legacy: false });
    if (!english && !form.fields.featuredCaption) form.set("featuredCaption", media.caption);
    setPickerOpen(false);
  }

  return (
    <>
      <fieldset className="flex flex-col gap-3 rounded-md border border-line p-4">
        <legend className="px-1 font-semibold">Ảnh đại diện</legend>
        {featured ? (
          <div className="flex flex-wrap items-start gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- a library rendition, already resized */}
            <img src={featured.src} alt={featured.alt} className="h-auto max-h-40 w-auto max-w-60 rounded border border-line" />
            <div className="flex flex-col gap-2">
              {english ? null : featured.alt ? (
                <p className="text-sm">Mô tả ảnh: {featured.alt}</p>
              ) : (
                <p className="text-sm text-muted">Ảnh chưa có mô tả (alt); hãy bổ sung trong Thư viện ảnh.</p>
              )}
              <div className="flex flex-wrap gap-2">
                <button type="button" onClick={() => setPickerOpen(true)} className="min-h-11 rounded-md border border-line px-3">
                  Đổi ảnh
                </button>
                <button type="button" onClick={() => onFeaturedChange(null)} className="min-h-11 rounded-md border border-line px-3">
                  Bỏ ảnh đại diện
                </button>
              </div>
            </div>
          </div>
        ) : (
          <div>
            <button type="button" onClick={() => setPickerOpen(true)} className="min-h-11 rounded-md border border-line px-3 font-semibold">
              Chọn ảnh đại diện
            </button>
          </div>
        )}
        {errors.featuredMediaId && <p className="text-sm font-semibold text-red-800">{errors.featuredMediaId}</p>}
        <FieldShell label="Chú thích ảnh đại diện" error={errors.featuredCaption} hint={`Tối đa ${CAPTION_MAX} ký tự.`}>
          {(control) => <input {...control} {...form.bind("featuredCaption")} autoComplete="off" lang={english ? "en" : undefined} className={CONTROL_CLASS} />}
        </FieldShell>
        {english && featured && (
          <FieldShell label="Mô tả ảnh (alt) bằng tiếng Anh" error={errors.featuredAlt} hint="Cho người không xem được ảnh; bắt buộc trước khi xuất bản.">
            {(control) => <input {...control} {...form.bind("featuredAlt")} autoComplete="off" lang="en" className={CONTROL_CLASS} />}
          </FieldShell>
        )}
      </fieldset>
      {pickerOpen && <MediaPicker onPick={pick} onClose={() => setPickerOpen(false)} />}
    </>
  );
}
