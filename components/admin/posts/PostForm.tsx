"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPostAction, transitionPostAction, updatePostAction } from "@/app/admin/posts/actions";
import { useFocusFirstError } from "@/components/admin/users/useFocusFirstError";
import type { JSONContent } from "@tiptap/core";
import { DocxImport } from "@/components/editor/DocxImport";
import { RichTextEditor } from "@/components/editor/RichTextEditor";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import { FormMessage } from "@/components/ui/FormMessage";
import type { ActionState } from "@/lib/auth/guards";
import type { Option } from "@/lib/dal/posts";
import { LEAD_MAX, SOURCE_MAX, TITLE_MAX } from "@/lib/validations/post";
import { initialFeatured, letterCount, type EditablePost, type Featured } from "@/lib/editor/post-form";
import { FeaturedImageField } from "./FeaturedImageField";
import { guardedSubmit } from "./guarded-submit";
import { prePublishChecklist } from "@/lib/workflow/checklist";
import type { TransitionName } from "@/lib/workflow/transitions";
import { PostFormActions } from "./PostFormActions";
import { PostSlugField, slugFromTitle } from "./PostSlugField";
import { PublishChecklist } from "./PublishChecklist";
import { SeoFields } from "./SeoFields";
import { usePostFields } from "./usePostFields";
import { AutosavePanel } from "./autosave/AutosavePanel";
import { useAutosave } from "./autosave/useAutosave";

const initialState: ActionState = {};

/**
 * The post editor form. Every field is controlled, and the form is submitted by hand rather than
 * through `<form action>`, so React never resets it: whatever happens on the server (a refusal, a
 * conflict, an expired session), what was typed stays on the screen.
 */
export function PostForm({
  post,
  categories,
  defaultSource,
  transitions = [],
  isPublic = false,
}: {
  post: EditablePost | null;
  categories: Option[];
  defaultSource: string;
  /** The workflow moves this person can make on the post now (none for a new post). */
  transitions?: TransitionName[];
  /** Published or scheduled: a save changes what readers see (or will see). */
  isPublic?: boolean;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const form = usePostFields(post, defaultSource);
  const { fields, setFields, set, bind } = form;
  // New posts take their slug from the title until the slug is edited by hand.
  const [slugAuto, setSlugAuto] = useState(post === null);
  const [featured, setFeatured] = useState<Featured>(() => initialFeatured(post));
  const [body, setBody] = useState<unknown>(post?.body ?? null);
  const [editorKey, setEditorKey] = useState(0);
  // The body as it is now, for the live checklist (the editor remounts with `body` when a copy is restored).
  const [liveBody, setLiveBody] = useState<unknown>(post?.body ?? null);
  const replaceBody = (next: unknown) => {
    setBody(next);
    setLiveBody(next);
  };
  const formId = useId();

  const [state, dispatch, pending] = useActionState(
    guardedSubmit((formData) => {
      if (!post) return createPostAction(initialState, formData);
      const intent = formData.get("intent");
      return intent && intent !== "save" ? transitionPostAction(initialState, formData) : updatePostAction(initialState, formData);
    }),
    initialState,
  );
  useFocusFirstError(formRef, state.errors);

  // Autosave, the local copy, conflicts, the sign-in dialog and presence: ./autosave/.
  const autosave = useAutosave({ post, formRef, saved: state, fields, slugAuto, featured, restore: { setFields, setSlugAuto, setFeatured, setBody: replaceBody, setEditorKey } });
  // The version the next save is based on: the one the last save (by hand or autosave) produced, else the one
  // the page was opened at. After a conflict it stays the old one, so saving again is refused again rather than overwriting.
  const version = autosave.version;

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

  const errors = state.errors ?? {};

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
      <AutosavePanel handle={autosave.handle} />

      <form id={formId} ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={post ? "Sửa bài viết" : "Viết bài mới"}>
        {post && <input type="hidden" name="id" value={post.id} />}
        {post && <input type="hidden" name="version" value={version} />}
        <input type="hidden" name="slugAuto" value={slugAuto ? "1" : "0"} />
        <input type="hidden" name="featuredMediaId" value={featured?.mediaId ?? ""} />
        <input type="hidden" name="keepLegacyImage" value={featured?.legacy ? "1" : "0"} />

        <FieldShell label="Tiêu đề" error={errors.title} hint={`${letterCount(fields.title)}/${TITLE_MAX} ký tự`}>
          {(control) => (
            <input {...control} name="title" autoComplete="off" value={fields.title} onChange={(e) => changeTitle(e.target.value)} className={`${CONTROL_CLASS} text-lg font-semibold`} />
          )}
        </FieldShell>

        <PostSlugField
          post={post}
          title={fields.title}
          slug={fields.slug}
          auto={slugAuto}
          error={errors.slug}
          onSlugChange={(slug) => set("slug", slug)}
          onAutoChange={setSlugAuto}
        />

        <FieldShell label="Sapo" error={errors.lead} hint={`Đoạn tóm tắt in đậm dưới tiêu đề. ${letterCount(fields.lead)}/${LEAD_MAX} ký tự`}>
          {(control) => <textarea {...control} {...bind("lead")} rows={4} className={`${CONTROL_CLASS} py-2`} />}
        </FieldShell>

        <div className="grid gap-5 sm:grid-cols-2">
          <FieldShell label="Chuyên mục" error={errors.categoryId}>
            {(control) => (
              <select {...control} {...bind("categoryId")} className={CONTROL_CLASS}>
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
            {(control) => <input {...control} {...bind("source")} autoComplete="off" className={CONTROL_CLASS} />}
          </FieldShell>
        </div>

        <FeaturedImageField featured={featured} onFeaturedChange={setFeatured} form={form} errors={errors} />

        <FieldShell label="Thời gian xuất bản" error={errors.publishedAt} hint="Giờ Việt Nam (GMT+7). Để trống thì lấy thời điểm bấm Xuất bản.">
          {(control) => <input {...control} {...bind("publishedAt")} type="datetime-local" className={`${CONTROL_CLASS} max-w-xs`} />}
        </FieldShell>

        <div className="flex flex-col gap-1">
          <span id="body-label" className="font-semibold">
            Nội dung
          </span>
          <RichTextEditor
            key={editorKey}
            name="body"
            initialContent={body as JSONContent | null}
            labelledBy="body-label"
            onChange={(json) => {
              setLiveBody(json);
              autosave.onBodyChange(json);
            }}
          />
          {errors.body && (
            <p role="alert" className="text-sm font-semibold text-red-800">
              {errors.body}
            </p>
          )}
        </div>

        <SeoFields form={form} errors={errors} />

        {post && (
          <PublishChecklist
            items={prePublishChecklist({
              title: fields.title,
              lead: fields.lead,
              categoryId: Number(fields.categoryId) || null,
              source: fields.source,
              body: liveBody,
              featured: { present: featured !== null, alt: featured?.alt ?? "", caption: fields.featuredCaption },
            })}
          />
        )}

        <PostFormActions form={formId} postId={post?.id ?? null} transitions={transitions} isPublic={isPublic} pending={pending} result={state} />
      </form>
    </div>
  );
}
