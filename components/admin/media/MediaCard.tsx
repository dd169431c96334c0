"use client";

import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { deleteMediaAction, updateMediaAction } from "@/app/admin/media/actions";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import type { MediaLibraryItem } from "@/lib/dal/media";
import { MEDIA_ALT_MAX, MEDIA_CAPTION_MAX } from "@/lib/validations/media";

const initial: ActionState = {};
const THUMB_SIZES = "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw";
const dateFormat = new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });

/** One image of the library: the picture, its alt text and default caption, the posts using it, delete. */
export function MediaCard({ item }: { item: MediaLibraryItem }) {
  const [editState, editAction] = useActionState(updateMediaAction, initial);
  const [deleteState, deleteAction] = useActionState(deleteMediaAction, initial);
  const [confirming, setConfirming] = useState(false);
  const nameId = useId();
  const typed = editState.ok ? undefined : editState.values;

  return (
    <article aria-labelledby={nameId} data-media-card={item.id} className="flex h-full flex-col gap-3 rounded-md border border-line p-3">
      <picture>
        {item.srcsetWebp && <source type="image/webp" srcSet={item.srcsetWebp} sizes={THUMB_SIZES} />}
        {/* Renditions are already resized; width and height keep the layout still while they load. */}
        <img
          src={item.src}
          srcSet={item.srcsetFallback || undefined}
          sizes={THUMB_SIZES}
          width={item.width}
          height={item.height}
          alt={item.alt}
          loading="lazy"
          decoding="async"
          className="h-48 w-full rounded bg-surface object-contain"
        />
      </picture>
      <div>
        <h3 id={nameId} className="font-bold break-all">
          {item.name || `Ảnh ${item.id}`}
        </h3>
        <p className="text-sm text-muted">
          {item.width} × {item.height} px · {dateFormat.format(new Date(item.createdAt))}
          {item.uploaderName && ` · ${item.uploaderName}`}
        </p>
        {!item.alt && <p className="mt-1 text-sm font-semibold text-red-800">Chưa có mô tả ảnh: cần có trước khi xuất bản bài dùng ảnh này.</p>}
      </div>

      {item.canEdit ? (
        <form action={editAction} className="flex flex-col gap-3">
          <input type="hidden" name="id" value={item.id} />
          <FieldShell label="Mô tả ảnh (alt)" hint="Tả ngắn nội dung ảnh cho người không nhìn thấy ảnh." error={editState.errors?.alt}>
            {(control) => <input {...control} name="alt" defaultValue={typed?.alt ?? item.alt} maxLength={MEDIA_ALT_MAX * 2} className={CONTROL_CLASS} />}
          </FieldShell>
          <FieldShell label="Chú thích mặc định" hint="Điền sẵn dưới ảnh khi chèn vào bài; sửa được trong bài." error={editState.errors?.caption}>
            {(control) => (
              <textarea {...control} name="caption" rows={2} defaultValue={typed?.caption ?? item.caption} maxLength={MEDIA_CAPTION_MAX * 2} className={`${CONTROL_CLASS} py-2`} />
            )}
          </FieldShell>
          <SubmitButton>
            Lưu<span className="sr-only"> thông tin ảnh {item.name}</span>
          </SubmitButton>
          <FormMessage state={editState} />
        </form>
      ) : (
        <dl className="text-sm">
          <dt className="font-semibold">Mô tả ảnh (alt)</dt>
          <dd>{item.alt || "—"}</dd>
          <dt className="mt-2 font-semibold">Chú thích mặc định</dt>
          <dd>{item.caption || "—"}</dd>
        </dl>
      )}

      <div>
        <h4 className="font-semibold">Dùng trong</h4>
        {item.usedIn.length === 0 ? (
          <p className="text-sm text-muted">Chưa dùng trong bài viết nào.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm" aria-label={`Bài viết dùng ảnh ${item.name}`}>
            {item.usedIn.map((post) => (
              <li key={post.id}>
                <Link href={`/admin/posts/${post.id}`} className="underline underline-offset-4">
                  {post.title}
                </Link>
                {post.trashed && " (trong thùng rác)"}
              </li>
            ))}
          </ul>
        )}
      </div>

      {item.canDelete && (
        <form action={deleteAction} className="mt-auto flex flex-col gap-2 border-t border-line pt-3">
          <input type="hidden" name="id" value={item.id} />
          {confirming ? (
            <div className="flex flex-wrap items-center gap-2">
              <p className="w-full font-semibold">Xoá hẳn ảnh này khỏi thư viện?</p>
              <SubmitButton pendingText="Đang xoá…" className="bg-red-800! text-white!">
                Xác nhận xoá<span className="sr-only"> ảnh {item.name}</span>
              </SubmitButton>
              <button type="button" onClick={() => setConfirming(false)} className="inline-flex min-h-11 items-center rounded-md border border-line px-4">
                Huỷ
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className="inline-flex min-h-11 items-center self-start rounded-md border border-red-800 px-4 font-semibold text-red-800">
              Xoá ảnh<span className="sr-only"> {item.name}</span>
            </button>
          )}
          <FormMessage state={deleteState} />
        </form>
      )}
    </article>
  );
}
