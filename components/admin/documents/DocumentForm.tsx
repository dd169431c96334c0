"use client";

import { useActionState, useRef, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import { createDocumentAction, saveDocumentAction } from "@/app/admin/documents/actions";
import { useContinueOnCreated } from "@/components/admin/editor-screen/useContinueOnCreated";
import { AutosaveOffers, AutosaveStatusLine } from "@/components/admin/posts/autosave/AutosaveParts";
import { parseDraftBody, useAutosave } from "@/components/admin/posts/autosave/useAutosave";
import { RichTextEditor } from "@/components/editor/RichTextEditor";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import type { DocumentDetail } from "@/lib/dal/documents/staff";
import type { DraftValues } from "@/lib/editor/draft-values";
import { registryFormValues } from "@/lib/validations/document-form";
import { TRANSITIONS, type TransitionName } from "@/lib/workflow/transitions";
import { NumberField } from "./NumberField";

const STATUS_OPTIONS = [
  { value: "", label: "Theo các ngày (tự động)" },
  { value: "not_yet_effective", label: "Chưa có hiệu lực" },
  { value: "in_force", label: "Còn hiệu lực" },
  { value: "partly_expired", label: "Hết hiệu lực một phần" },
  { value: "expired", label: "Hết hiệu lực toàn bộ" },
];

/**
 * A document's staff form: the registry fields, the trích yếu and the note, and the workflow
 * buttons this person may use. The posts' autosave and local copy run on it (the registry fields
 * are among a draft's fields), so a lost tab or network loses neither the text nor the registry.
 */
export function DocumentForm({ document, types, transitions = [] }: { document: DocumentDetail | null; types: Array<{ id: number; name: string }>; transitions?: TransitionName[] }) {
  const [state, action] = useActionState<ActionState, FormData>(document ? saveDocumentAction : createDocumentAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  // A restored copy is shown by remounting the fields with it as their defaults (they are uncontrolled).
  const [restored, setRestored] = useState<DraftValues | null>(null);
  const [body, setBody] = useState<unknown>(document?.body ?? null);
  const [fieldsKey, setFieldsKey] = useState(0);
  const [handled, setHandled] = useState(state);
  if (state !== handled) {
    // A save by hand answered: the form now shows what it sent (state.values), not an older restore.
    setHandled(state);
    setRestored(null);
  }
  const autosave = useAutosave({
    post: document,
    formRef,
    saved: state,
    fresh: "new-document",
    apply: (values) => {
      setRestored(values);
      setBody(parseDraftBody(values.body));
      setFieldsKey((k) => k + 1);
    },
  });
  const createdId = !document && state.ok ? state.values?.id : undefined;
  const continuing = useContinueOnCreated(createdId ? `/admin/documents/${createdId}?moi=1` : null, "push");
  const stored: Record<string, string> = { ...registryFormValues(document?.registry), title: document?.title ?? "" };
  const v = (key: string) => restored?.[key as keyof DraftValues] ?? state.values?.[key] ?? stored[key] ?? "";
  const errors = state.errors ?? {};
  return (
    <form ref={formRef} action={action} onChange={autosave.noteChange} className="flex max-w-3xl flex-col gap-4" aria-label={document ? "Sửa văn bản" : "Thêm văn bản"}>
      {document && (
        <>
          <input type="hidden" name="id" value={document.id} />
          <input type="hidden" name="version" value={autosave.version} />
        </>
      )}
      <AutosaveStatusLine handle={autosave.handle} />
      <AutosaveOffers handle={autosave.handle} />
      <div key={fieldsKey} className="flex flex-col gap-4">
        <FormMessage state={state} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Loại văn bản" name="typeId" options={[{ value: "", label: "Chọn loại" }, ...types.map((t) => ({ value: String(t.id), label: t.name }))]} defaultValue={v("typeId")} error={errors.typeId} required />
          <NumberField defaultValue={v("number")} exceptId={document?.id ?? null} error={errors.number} />
          <Field label="Cơ quan ban hành" name="issuer" defaultValue={v("issuer")} error={errors.issuer} required />
          <Field label="Người ký" name="signer" defaultValue={v("signer")} error={errors.signer} />
          <Field label="Ngày ban hành" name="issuedOn" hint="dd/mm/yyyy" defaultValue={v("issuedOn")} error={errors.issuedOn} required />
          <Field label="Ngày có hiệu lực" name="effectiveFrom" hint="dd/mm/yyyy; để trống nếu chưa rõ" defaultValue={v("effectiveFrom")} error={errors.effectiveFrom} />
          <Field label="Ngày hết hiệu lực" name="effectiveUntil" hint="ngày đầu tiên văn bản không còn áp dụng" defaultValue={v("effectiveUntil")} error={errors.effectiveUntil} />
          <SelectField label="Tình trạng hiệu lực" name="manualStatus" options={STATUS_OPTIONS} defaultValue={v("manualStatus")} error={errors.manualStatus} hint="Chỉ đặt khi các ngày không nói được (hết hiệu lực một phần, bị bãi bỏ)." />
        </div>
        <Field label="Trích yếu" name="title" defaultValue={v("title")} error={errors.title} required />
        <Field label="Lĩnh vực" name="fieldsText" hint="Một hoặc nhiều, cách nhau bằng dấu chấm phẩy (;)" defaultValue={v("fieldsText")} error={errors.fieldsText} />
        <Field label="Thay thế các văn bản số" name="replacesText" hint="Số/ký hiệu, cách nhau bằng dấu chấm phẩy" defaultValue={v("replacesText")} error={errors.replacesText} />
        <Field label="Sửa đổi, bổ sung các văn bản số" name="amendsText" hint="Số/ký hiệu, cách nhau bằng dấu chấm phẩy" defaultValue={v("amendsText")} error={errors.amendsText} />
        <Field label="Liên kết CSDL quốc gia" name="nationalDatabaseUrl" type="url" defaultValue={v("nationalDatabaseUrl")} error={errors.nationalDatabaseUrl} />
        <div className="flex flex-col gap-1">
          <p id="document-note-label" className="font-semibold">
            Ghi chú (không bắt buộc)
          </p>
          <RichTextEditor name="body" initialContent={(body as JSONContent | null) ?? null} labelledBy="document-note-label" onChange={autosave.onBodyChange} />
          {errors.body && <p className="text-sm font-semibold text-red-800">{errors.body}</p>}
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        {document ? (
          <>
            <button type="submit" name="intent" value="save" className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
              Lưu
            </button>
            {transitions
              .filter((name) => name === "submit" || name === "publish" || name === "unpublish" || name === "withdraw")
              .map((name) => (
                <button key={name} type="submit" name="intent" value={name} className="inline-flex min-h-11 items-center rounded-md border border-ink px-4 font-semibold">
                  {TRANSITIONS[name].label}
                </button>
              ))}
          </>
        ) : (
          <SubmitButton disabled={continuing}>Lưu bản nháp</SubmitButton>
        )}
      </div>
    </form>
  );
}
