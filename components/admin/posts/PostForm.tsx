"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { checkPostSlugAction, createPostAction, publishPostAction, updatePostAction } from "@/app/admin/posts/actions";
import { useFocusFirstError } from "@/components/admin/users/useFocusFirstError";
import type { JSONContent } from "@tiptap/core";
import { DocxImport } from "@/components/editor/DocxImport";
import { MediaPicker } from "@/components/editor/MediaPicker";
import { RichTextEditor } from "@/components/editor/RichTextEditor";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionState } from "@/lib/dal/action";
import type { MediaDto } from "@/lib/dal/media-core";
import type { Option, PostDetail, SlugCheck } from "@/lib/dal/posts";
import {
  CAPTION_MAX,
  LEAD_MAX,
  SEO_DESCRIPTION_HINT,
  SEO_TITLE_HINT,
  SLUG_MAX,
  SOURCE_MAX,
  TITLE_MAX,
  toVietnamDateTimeInput,
} from "@/lib/validations/post";
import { slugify } from "@/lib/vi/slug";

export type EditablePost = Pick<
  PostDetail,
  "id" | "title" | "slug" | "lead" | "body" | "source" | "seoTitle" | "seoDescription" | "featured" | "categoryId" | "publishedAt" | "version"
>;

type Fields = {
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

type Featured = { mediaId: number | null; src: string; alt: string; legacy: boolean } | null;

const initialState: ActionState = {};
const SLUG_CHECK_DELAY_MS = 400;

const letters = (s: string) => [...s].length;

function initialFields(post: EditablePost | null, defaultSource: string): Fields {
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

function initialFeatured(post: EditablePost | null): Featured {
  if (!post?.featured.src) return null;
  return { mediaId: post.featured.mediaId, src: post.featured.src, alt: post.featured.alt, legacy: post.featured.mediaId === null };
}

/** The slug as generated from the title; an empty title has none yet (not the `bai-viet` fallback). */
const slugFromTitle = (title: string) => (title.trim() === "" ? "" : slugify(title));

/**
 * The post editor form. Every field is controlled, and the form is submitted by hand rather than
 * through `<form action>`, so React never resets it: whatever happens on the server (a refusal, a
 * conflict, an expired session), what was typed stays on the screen.
 */
export function PostForm({
  post,
  categories,
  defaultSource,
  canPublish,
}: {
  post: EditablePost | null;
  categories: Option[];
  defaultSource: string;
  canPublish: boolean;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<Fields>(() => initialFields(post, defaultSource));
  // New posts take their slug from the title until the slug is edited by hand.
  const [slugAuto, setSlugAuto] = useState(post === null);
  const [featured, setFeatured] = useState<Featured>(() => initialFeatured(post));
  const [pickerOpen, setPickerOpen] = useState(false);
  const [body, setBody] = useState<unknown>(post?.body ?? null);
  const [editorKey, setEditorKey] = useState(0);
  // The answer is kept with the slug it is about, so a late answer never describes newer typing.
  const [slugCheck, setSlugCheck] = useState<{ slug: string; result: SlugCheck | null } | null>(null);

  const [state, dispatch, pending] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    if (!post) return createPostAction(previous, formData);
    return formData.get("intent") === "publish" ? publishPostAction(previous, formData) : updatePostAction(previous, formData);
  }, initialState);
  useFocusFirstError(formRef, state.errors);

  // The version the next save is based on: the one this save produced, else the one the page was opened at.
  // After a conflict it stays the old one, so saving again is refused again rather than overwriting.
  const version = state.values?.version ?? (post ? String(post.version) : "");

  // The server may store another slug than the one typed (a free variant of a generated one).
  const [handled, setHandled] = useState(state);
  if (state !== handled) {
    setHandled(state);
    const storedSlug = state.ok ? state.values?.slug : undefined;
    if (storedSlug && storedSlug !== fields.slug) setFields((f) => ({ ...f, slug: storedSlug }));
  }

  // A new post continues on its own edit page once it exists.
  const createdId = !post && state.ok ? state.values?.id : undefined;
  useEffect(() => {
    if (createdId) router.replace(`/admin/posts/${createdId}?moi=1`);
  }, [createdId, router]);

  // As-you-type uniqueness check, debounced; the post's own current slug needs no check.
  const checkedSlug = fields.slug.trim();
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
  const currentCheck = needsCheck && slugCheck?.slug === checkedSlug ? slugCheck.result : null;

  function set<K extends keyof Fields>(key: K, value: Fields[K]) {
    setFields((f) => ({ ...f, [key]: value }));
  }

  function changeTitle(title: string) {
    setFields((f) => ({ ...f, title, slug: slugAuto ? slugFromTitle(title) : f.slug }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Dialogs (link, media picker) are portalled out of this form, but React still bubbles their submits here.
    if (event.target !== event.currentTarget) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }

  function pick(media: MediaDto) {
    setFeatured({ mediaId: media.id, src: media.src, alt: media.alt, legacy: false });
    if (!fields.featuredCaption) set("featuredCaption", media.caption);
    setPickerOpen(false);
  }

  const errors = state.errors ?? {};
  let slugMessage: { text: string; error: boolean } | null = null;
  if (currentCheck && currentCheck.status !== "available" && currentCheck.status !== "empty") {
    slugMessage = slugAuto && currentCheck.status === "taken"
      ? { text: `Đường dẫn này đã có bài viết khác dùng; khi lưu, bài này sẽ dùng “${currentCheck.suggestion}”.`, error: false }
      : { text: currentCheck.message, error: true };
  } else if (currentCheck?.status === "available") {
    slugMessage = { text: currentCheck.message, error: false };
  }

  return (
    <div className="flex flex-col gap-6">
      {!post && (
        <section aria-label="Nhập từ Word" className="rounded-md border border-line p-4">
          <DocxImport
            onImported={({ title, content }) => {
              if (title) changeTitle(title);
              setBody(content);
              setEditorKey((k) => k + 1);
            }}
          />
        </section>
      )}

      <FormMessage state={state} />

      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={post ? "Sửa bài viết" : "Viết bài mới"}>
        {post && <input type="hidden" name="id" value={post.id} />}
        {post && <input type="hidden" name="version" value={version} />}
        <input type="hidden" name="slugAuto" value={slugAuto ? "1" : "0"} />
        <input type="hidden" name="featuredMediaId" value={featured?.mediaId ?? ""} />
        <input type="hidden" name="keepLegacyImage" value={featured?.legacy ? "1" : "0"} />

        <FieldShell label="Tiêu đề" error={errors.title} hint={`${letters(fields.title)}/${TITLE_MAX} ký tự`}>
          {(control) => (
            <input {...control} name="title" autoComplete="off" value={fields.title} onChange={(e) => changeTitle(e.target.value)} className={`${CONTROL_CLASS} text-lg font-semibold`} />
          )}
        </FieldShell>

        <FieldShell
          label="Đường dẫn"
          error={errors.slug}
          hint={`Địa chỉ bài viết: /tin-tuc/${fields.slug || "…"}. ${slugAuto ? "Đang tạo tự động từ tiêu đề." : `Tối đa ${SLUG_MAX} ký tự.`}`}
        >
          {(control) => (
            <div className="flex flex-col gap-1">
              <div className="flex flex-wrap gap-2">
                <input
                  {...control}
                  name="slug"
                  autoComplete="off"
                  spellCheck={false}
                  value={fields.slug}
                  onChange={(e) => {
                    setSlugAuto(false);
                    set("slug", e.target.value);
                  }}
                  className={`${CONTROL_CLASS} min-w-0 flex-1 font-mono`}
                />
                {!slugAuto && (
                  <button
                    type="button"
                    onClick={() => {
                      setSlugAuto(true);
                      set("slug", slugFromTitle(fields.title));
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
                  <button type="button" onClick={() => set("slug", currentCheck.suggestion)} className="ml-2 underline underline-offset-4">
                    Dùng “{currentCheck.suggestion}”
                  </button>
                )}
              </p>
            </div>
          )}
        </FieldShell>

        <FieldShell label="Sapo" error={errors.lead} hint={`Đoạn tóm tắt in đậm dưới tiêu đề. ${letters(fields.lead)}/${LEAD_MAX} ký tự`}>
          {(control) => <textarea {...control} name="lead" rows={4} value={fields.lead} onChange={(e) => set("lead", e.target.value)} className={`${CONTROL_CLASS} py-2`} />}
        </FieldShell>

        <div className="grid gap-5 sm:grid-cols-2">
          <FieldShell label="Chuyên mục" error={errors.categoryId}>
            {(control) => (
              <select {...control} name="categoryId" value={fields.categoryId} onChange={(e) => set("categoryId", e.target.value)} className={CONTROL_CLASS}>
                <option value="">— Chọn chuyên mục —</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <FieldShell label="Nguồn" error={errors.source} hint={`Dòng in đậm cuối bài, mặc định là đơn vị của tác giả. Tối đa ${SOURCE_MAX} ký tự.`}>
            {(control) => <input {...control} name="source" autoComplete="off" value={fields.source} onChange={(e) => set("source", e.target.value)} className={CONTROL_CLASS} />}
          </FieldShell>
        </div>

        <fieldset className="flex flex-col gap-3 rounded-md border border-line p-4">
          <legend className="px-1 font-semibold">Ảnh đại diện</legend>
          {featured ? (
            <div className="flex flex-wrap items-start gap-4">
              {/* eslint-disable-next-line @next/next/no-img-element -- a library rendition, already resized */}
              <img src={featured.src} alt={featured.alt} className="h-auto max-h-40 w-auto max-w-60 rounded border border-line" />
              <div className="flex flex-col gap-2">
                {featured.alt ? <p className="text-sm">Mô tả ảnh: {featured.alt}</p> : <p className="text-sm text-muted">Ảnh chưa có mô tả (alt); hãy bổ sung trong Thư viện ảnh.</p>}
                <div className="flex flex-wrap gap-2">
                  <button type="button" onClick={() => setPickerOpen(true)} className="min-h-11 rounded-md border border-line px-3">
                    Đổi ảnh
                  </button>
                  <button type="button" onClick={() => setFeatured(null)} className="min-h-11 rounded-md border border-line px-3">
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
            {(control) => (
              <input {...control} name="featuredCaption" autoComplete="off" value={fields.featuredCaption} onChange={(e) => set("featuredCaption", e.target.value)} className={CONTROL_CLASS} />
            )}
          </FieldShell>
        </fieldset>
        {pickerOpen && <MediaPicker onPick={pick} onClose={() => setPickerOpen(false)} />}

        <FieldShell label="Thời gian xuất bản" error={errors.publishedAt} hint="Giờ Việt Nam (GMT+7). Để trống thì lấy thời điểm bấm Xuất bản.">
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              name="publishedAt"
              value={fields.publishedAt}
              onChange={(e) => set("publishedAt", e.target.value)}
              className={`${CONTROL_CLASS} max-w-xs`}
            />
          )}
        </FieldShell>

        <div className="flex flex-col gap-1">
          <span id="body-label" className="font-semibold">
            Nội dung
          </span>
          <RichTextEditor key={editorKey} name="body" initialContent={body as JSONContent | null} labelledBy="body-label" />
          {errors.body && (
            <p role="alert" className="text-sm font-semibold text-red-800">
              {errors.body}
            </p>
          )}
        </div>

        <fieldset className="flex flex-col gap-4 rounded-md border border-line p-4">
          <legend className="px-1 font-semibold">Tối ưu tìm kiếm (SEO)</legend>
          <FieldShell
            label="Tiêu đề SEO"
            error={errors.seoTitle}
            hint={`Để trống thì dùng tiêu đề bài. Nên dưới ${SEO_TITLE_HINT} ký tự (hiện ${letters(fields.seoTitle || fields.title)}).`}
          >
            {(control) => (
              <input
                {...control}
                name="seoTitle"
                autoComplete="off"
                placeholder={fields.title}
                value={fields.seoTitle}
                onChange={(e) => set("seoTitle", e.target.value)}
                className={CONTROL_CLASS}
              />
            )}
          </FieldShell>
          <FieldShell
            label="Mô tả SEO"
            error={errors.seoDescription}
            hint={`Để trống thì dùng sapo. Nên dưới ${SEO_DESCRIPTION_HINT} ký tự (hiện ${letters(fields.seoDescription || fields.lead)}).`}
          >
            {(control) => (
              <textarea
                {...control}
                name="seoDescription"
                rows={3}
                placeholder={fields.lead}
                value={fields.seoDescription}
                onChange={(e) => set("seoDescription", e.target.value)}
                className={`${CONTROL_CLASS} py-2`}
              />
            )}
          </FieldShell>
        </fieldset>

        <div className="sticky bottom-0 flex flex-wrap items-center gap-4 border-t border-line bg-page py-3">
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={pending}
            aria-disabled={pending}
            className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-5 font-semibold text-brand-ink hover:opacity-90 disabled:opacity-60"
          >
            {pending ? "Đang lưu…" : "Lưu"}
          </button>
          {post && canPublish && (
            <button
              type="submit"
              name="intent"
              value="publish"
              disabled={pending}
              aria-disabled={pending}
              className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-green-800 px-5 font-semibold text-green-900 hover:bg-green-50 disabled:opacity-60"
            >
              Xuất bản ngay
            </button>
          )}
          {post && (
            <Link href={`/admin/posts/${post.id}/preview`} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center underline underline-offset-4">
              Xem trước<span className="sr-only"> (bản đã lưu, mở trong thẻ mới)</span>
            </Link>
          )}
          <Link href="/admin/posts" className="inline-flex min-h-11 items-center underline underline-offset-4">
            Về danh sách bài viết
          </Link>
        </div>
      </form>
    </div>
  );
}
