"use client";

import { startTransition, useActionState, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { createPostAction, transitionPostAction, updatePostAction } from "@/app/admin/posts/actions";
import { EditorLayout } from "@/components/admin/editor-screen/EditorLayout";
import { usePanelState } from "@/components/admin/editor-screen/usePanelState";
import { useContinueOnCreated } from "@/components/admin/editor-screen/useContinueOnCreated";
import { useFocusFirstError } from "@/components/admin/users/useFocusFirstError";
import type { JSONContent } from "@tiptap/core";
import { RichTextEditor, type BodyEditorHandle } from "@/components/editor/RichTextEditor";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/FieldShell";
import type { ActionState } from "@/lib/auth/guards";
import { KINDS } from "@/lib/content/kinds";
import type { Option } from "@/lib/dal/posts";
import { LEAD_MAX, TITLE_MAX, type WritingScreenKind } from "@/lib/validations/post";
import { fieldsFromValues, initialFeatured, letterCount, ownSegment, type EditablePost, type Featured, type NewPostDefaults } from "@/lib/editor/post-form";
import { parseRelatedDocuments, serializeRelatedDocuments, type PickableDocument } from "@/lib/editor/related-documents";
import { accessibilityFindings, type AccessibilityFinding } from "@/lib/workflow/accessibility";
import { prePublishChecklist } from "@/lib/workflow/checklist";
import type { TransitionName } from "@/lib/workflow/transitions";
import { guardedSubmit } from "./guarded-submit";
import { PostActionBar } from "./PostActionBar";
import { slugFromTitle } from "./PostSlugField";
import { usePostFields } from "./usePostFields";
import { AutosaveOffers, AutosaveStatusLine } from "./autosave/AutosaveParts";
import { parseDraftBody, useAutosave } from "./autosave/useAutosave";
import { NEWS_SECTIONS } from "./settings/NewsSections";
import { PAGE_SECTIONS } from "./settings/PageSections";
import type { PagePlacement, SectionContext, SettingsSection } from "./settings/sections";

const initialState: ActionState = {};

/** Fields of the writing column; every other field is in the settings panel, which opens when one of them is refused. */
const WRITING_FIELDS = new Set(["title", "lead", "body", "version", "id"]);

/** What differs on the screen between kinds: its panel's sections and names. */
const SCREENS: Record<WritingScreenKind, { sections: readonly SettingsSection[]; panel: string; create: string; edit: string }> = {
  post: { sections: NEWS_SECTIONS, panel: "Cài đặt bài viết", create: "Viết bài mới", edit: "Sửa bài viết" },
  page: { sections: PAGE_SECTIONS, panel: "Cài đặt trang", create: "Trang mới", edit: "Sửa trang" },
};

/**
 * The writing screen of a post or a page: the action bar, the title, lead and body in the writing
 * column, and the settings panel built from the kind's sections (SCREENS).
 *
 * Every field is controlled, and the form is submitted by hand rather than through `<form action>`,
 * so React never resets it: whatever happens on the server (a refusal, a conflict, an expired
 * session), what was typed stays on the screen.
 */
export function PostForm({
  kind: newKind = "post",
  post,
  categories,
  placement = null,
  defaults,
  transitions = [],
  isPublic = false,
  isLive = false,
  statusLabel = "Bản nháp chưa lưu",
  facts = null,
  notes = null,
  beside = null,
}: {
  /** The kind of a new one (an existing one has its own). */
  kind?: WritingScreenKind;
  post: EditablePost | null;
  categories: Option[];
  /** A page's place in the tree: its parent choices. */
  placement?: PagePlacement | null;
  defaults: NewPostDefaults;
  /** The workflow moves this person can make on the post now (none for a new post). */
  transitions?: TransitionName[];
  /** Published or scheduled: a save changes what readers see (or will see). */
  isPublic?: boolean;
  /** On the public site now. */
  isLive?: boolean;
  statusLabel?: string;
  /** The post's facts from the server (author, times, public address), shown in the panel's status section. */
  facts?: ReactNode;
  /** Notes for the person above the text (a review note, "just created"). */
  notes?: ReactNode;
  /** Shown beside the text on a wide screen, above it on a narrow one: a translation's original. */
  beside?: ReactNode;
}) {
  // The edit page sends a legal document to its own screen, so a post here is a news post or a page.
  const kind: WritingScreenKind = post?.kind === "page" ? "page" : post ? "post" : newKind;
  const screen = SCREENS[kind];
  const formRef = useRef<HTMLFormElement>(null);
  const bodyEditor = useRef<BodyEditorHandle>(null);
  const form = usePostFields(post, defaults);
  const { fields, setFields, bind } = form;
  // New posts take their slug from the title until the slug is edited by hand; so does a translation never
  // published whose slug is still the one made from the original's title.
  const [slugAuto, setSlugAuto] = useState(post === null || (post.language === "en" && post.publishedAt === null && ownSegment(post.slug) === slugFromTitle(post.title)));
  const [featured, setFeatured] = useState<Featured>(() => initialFeatured(post));
  const [body, setBody] = useState<unknown>(post?.body ?? null);
  const [editorKey, setEditorKey] = useState(0);
  const [relatedDocuments, setRelatedDocuments] = useState<PickableDocument[]>(post?.relatedDocuments ?? []);
  // The body as it is now, for the live checklist (the editor remounts with `body` when a copy is restored).
  const [liveBody, setLiveBody] = useState<unknown>(post?.body ?? null);
  const replaceBody = (next: unknown) => {
    setBody(next);
    setLiveBody(next);
  };
  const formId = useId();
  const panelId = useId();
  const [announcement, setAnnouncement] = useState("");
  const panel = usePanelState();

  const [state, dispatch, pending] = useActionState(
    guardedSubmit((formData) => {
      if (!post) return createPostAction(initialState, formData);
      const intent = formData.get("intent");
      return intent && intent !== "save" ? transitionPostAction(initialState, formData) : updatePostAction(initialState, formData);
    }),
    initialState,
  );

  // Autosave, the local copy, conflicts, the sign-in dialog and presence: ./autosave/.
  const autosave = useAutosave({
    post,
    formRef,
    saved: state,
    featured,
    apply: (values, picture) => {
      setFields(fieldsFromValues(values));
      setSlugAuto(values.slugAuto === "1");
      setFeatured(picture);
      replaceBody(parseDraftBody(values.body));
      setRelatedDocuments(parseRelatedDocuments(values.relatedDocuments));
      setEditorKey((k) => k + 1);
    },
  });
  const { noteChange } = autosave;
  useEffect(() => noteChange(), [noteChange, fields, slugAuto, featured, relatedDocuments]);
  // The version the next save is based on: the one the last save (by hand or autosave) produced, else the one
  // the page was opened at. After a conflict it stays the old one, so saving again is refused again rather than overwriting.
  const version = autosave.version;

  // The server may store another slug than the one typed (a free variant of a generated one); a refused
  // field in the panel opens the panel, so the focus can go to it.
  const [handled, setHandled] = useState(state);
  if (state !== handled) {
    setHandled(state);
    // A page's stored slug is its whole path; the field holds its own segment.
    const storedSlug = state.ok && state.values?.slug ? ownSegment(state.values.slug) : undefined;
    if (storedSlug && storedSlug !== fields.slug) setFields((f) => ({ ...f, slug: storedSlug }));
    if (Object.keys(state.errors ?? {}).some((key) => !WRITING_FIELDS.has(key))) panel.reveal();
  }
  useFocusFirstError(formRef, state.errors);

  // A new post continues on its own edit page once it exists.
  const createdId = !post && state.ok ? state.values?.id : undefined;
  const continuing = useContinueOnCreated(createdId ? `${KINDS[kind].adminHref(Number(createdId))}?moi=1` : null, "replace");

  // Ctrl+S (⌘S) saves, as Lưu does, wherever the focus is on this screen.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      const save = document.querySelector<HTMLButtonElement>(`button[form="${CSS.escape(formId)}"][value="save"]`);
      if (save && !save.disabled && !document.querySelector("dialog[open]")) formRef.current?.requestSubmit(save);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [formId]);

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

  const { setOpen: setPanelOpen, wide } = panel;
  const goToFinding = useCallback(
    (finding: AccessibilityFinding) => {
      setAnnouncement(`Đã chuyển đến: ${finding.label}`);
      // On a narrow screen the drawer closes first, so the text is no longer inert when it takes the focus.
      if (!wide) {
        setPanelOpen(false);
        window.setTimeout(() => bodyEditor.current?.goTo(finding.from, finding.to), 50);
      } else {
        bodyEditor.current?.goTo(finding.from, finding.to);
      }
    },
    [wide, setPanelOpen],
  );

  const errors = state.errors ?? {};
  const checklist = prePublishChecklist({
    kind,
    title: fields.title,
    lead: fields.lead,
    categoryId: Number(fields.categoryId) || null,
    source: fields.source,
    body: liveBody,
    featured: { present: featured !== null, alt: post?.language === "en" ? fields.featuredAlt : (featured?.alt ?? ""), caption: fields.featuredCaption },
  });
  const findings = useMemo(() => accessibilityFindings(liveBody), [liveBody]);
  const context: SectionContext = {
    kind,
    post,
    form,
    errors,
    categories,
    placement,
    featured,
    setFeatured,
    slugAuto,
    setSlugAuto,
    facts,
    isPublic,
    isLive,
    checklist,
    findings,
    goToFinding,
    relatedDocuments,
    setRelatedDocuments,
    importWord: ({ title, content }) => {
      if (title) changeTitle(title);
      setBody(content);
      setEditorKey((k) => k + 1);
    },
  };
  const shown = screen.sections.filter((section) => !section.shows || section.shows(post));

  return (
    <form id={formId} ref={formRef} onSubmit={onSubmit} noValidate aria-label={post ? screen.edit : screen.create}>
      {post && <input type="hidden" name="id" value={post.id} />}
      {post && <input type="hidden" name="version" value={version} />}
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="slugAuto" value={slugAuto ? "1" : "0"} />
      <input type="hidden" name="featuredMediaId" value={featured?.mediaId ?? ""} />
      <input type="hidden" name="keepLegacyImage" value={featured?.legacy ? "1" : "0"} />
      <input type="hidden" name="relatedDocuments" value={serializeRelatedDocuments(relatedDocuments)} />
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>

      <EditorLayout
        panelId={panelId}
        panelLabel={screen.panel}
        panelOpen={panel.open}
        wide={panel.wide}
        onClosePanel={() => panel.setOpen(false)}
        beside={beside}
        bar={
          <PostActionBar
            form={formId}
            postId={post?.id ?? null}
            statusLabel={statusLabel}
            saveLine={<AutosaveStatusLine handle={autosave.handle} />}
            transitions={transitions}
            pending={pending || continuing}
            result={state}
            panel={{ id: panelId, open: panel.open, label: screen.panel, onToggle: () => panel.setOpen(!panel.open) }}
          />
        }
        panel={
          <div className="flex flex-col">
            {shown.map(({ id, title, Content }) => (
              <div key={id} data-section={id} className="border-b border-line py-4 last:border-b-0">
                {title && <h3 className="mb-2 text-lg font-bold">{title}</h3>}
                <Content {...context} />
              </div>
            ))}
          </div>
        }
      >
        {notes}
        <AutosaveOffers handle={autosave.handle} />

        <FieldShell label="Tiêu đề" error={errors.title} counter={`${letterCount(fields.title)}/${TITLE_MAX} ký tự`}>
          {(control) => (
            <input {...control} name="title" autoComplete="off" value={fields.title} onChange={(e) => changeTitle(e.target.value)} className={`${CONTROL_CLASS} text-xl font-bold`} />
          )}
        </FieldShell>

        <FieldShell label="Sapo" error={errors.lead} counter={`${letterCount(fields.lead)}/${LEAD_MAX} ký tự`}>
          {(control) => <textarea {...control} {...bind("lead")} rows={2} className={`${CONTROL_CLASS} field-sizing-content max-h-60 min-h-16 py-2 font-semibold`} />}
        </FieldShell>

        <div className="flex flex-col gap-1">
          <span id="body-label" className="font-semibold">
            Nội dung
          </span>
          <RichTextEditor
            ref={bodyEditor}
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
      </EditorLayout>
    </form>
  );
}
