"use client";

import type { Language } from "@/db/vocabulary";
import { useId, useState } from "react";
import { findPostsForMenuAction } from "@/app/admin/menus/actions";
import { PostSearch } from "@/components/admin/posts-search/PostSearch";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import type { MenuTargetOption } from "@/lib/dal/menus";
import { TARGET_STATE_LABELS } from "@/lib/menus/target-state";
import type { MenuTarget } from "@/lib/menus/tree";
import { menuLabelProblem, menuUrlProblem } from "@/lib/validations/menu";
import { isExternalAddress, TARGET_KIND_LABELS, type EditorItem } from "./menu-items";

type NewItem = Omit<EditorItem, "key" | "depth">;

const KINDS: MenuTarget["kind"][] = ["category", "page", "post", "url"];
const BUTTON = "inline-flex min-h-11 items-center rounded-md border border-brand px-4 font-semibold text-ink hover:bg-surface";

function optionLabel(option: MenuTargetOption): string {
  const indent = "— ".repeat(option.depth ?? 0);
  return `${indent}${option.title}${option.state === "live" ? "" : ` (${TARGET_STATE_LABELS[option.state]})`}`;
}

/** Adding an entry: what it points at (a category, a page, a post, an address) and the name readers see. */
export function AddMenuItem({
  menuTitle,
  categories,
  pages,
  onAdd,
  language,
}: {
  menuTitle: string;
  categories: MenuTargetOption[];
  pages: MenuTargetOption[];
  onAdd: (item: NewItem) => void;
  language: Language;
}) {
  const id = useId();
  const [kind, setKind] = useState<MenuTarget["kind"]>("category");
  const [choice, setChoice] = useState("");
  const [label, setLabel] = useState("");
  const [url, setUrl] = useState("");
  const [error, setError] = useState<{ field: "choice" | "label" | "url"; message: string } | null>(null);

  const options = kind === "category" ? categories : kind === "page" ? pages : [];

  const addChosen = (option: MenuTargetOption) => {
    onAdd({ label: label.trim() || option.title, target: { kind: option.kind, id: option.id }, targetTitle: option.title, href: option.href, state: option.state, external: false });
    setLabel("");
    setError(null);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (kind === "url") {
      const address = url.trim();
      const urlProblem = menuUrlProblem(address);
      if (urlProblem) return setError({ field: "url", message: urlProblem });
      const labelProblem = menuLabelProblem(label.trim());
      if (labelProblem) return setError({ field: "label", message: labelProblem });
      onAdd({ label: label.trim(), target: { kind: "url", url: address }, targetTitle: address, href: address, state: "live", external: isExternalAddress(address) });
      setUrl("");
      setLabel("");
      setError(null);
      return;
    }
    const option = options.find((o) => String(o.id) === choice);
    if (!option) return setError({ field: "choice", message: kind === "page" ? "Vui lòng chọn một trang." : "Vui lòng chọn một chuyên mục." });
    addChosen(option);
  };

  const errorFor = (field: "choice" | "label" | "url") =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} className="text-sm font-semibold text-red-800">
        {error.message}
      </p>
    ) : null;
  const describedBy = (field: "choice" | "label" | "url", hint?: string) => [hint, error?.field === field ? `${id}-${field}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <div className="flex flex-col gap-4 rounded-md border border-line bg-surface p-4">
      <fieldset>
        <legend className="font-bold">Thêm mục vào {menuTitle.toLowerCase()}: mục trỏ tới</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {KINDS.map((k) => (
            <label key={k} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setChoice("");
                  setError(null);
                }}
                className="h-5 w-5"
              />
              {k === "url" ? "Địa chỉ khác (trang ngoài)" : TARGET_KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>

      {kind === "post" ? (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-post-label`} className="font-semibold">
              Tên hiển thị (để trống: dùng tiêu đề bài viết)
            </label>
            <input id={`${id}-post-label`} value={label} onChange={(event) => setLabel(event.target.value)} className={`${CONTROL_CLASS} w-full`} />
          </div>
          <PostSearch action={findPostsForMenuAction} language={language} chooseLabel="Thêm vào trình đơn" onChoose={(post) => addChosen({ kind: "post", id: post.id, title: post.title, href: post.href, state: post.state })} />
        </>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          {kind === "url" ? (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-url`} className="font-semibold">
                Địa chỉ
              </label>
              <p id={`${id}-url-hint`} className="text-sm text-muted">
                Trang ngoài: bắt đầu bằng https://, ví dụ https://most.gov.vn. Một địa chỉ trong trang này: bắt đầu bằng /, ví dụ /tim-kiem.
              </p>
              <input
                id={`${id}-url`}
                type="url"
                value={url}
                onChange={(event) => setUrl(event.target.value)}
                aria-invalid={error?.field === "url" ? true : undefined}
                aria-describedby={describedBy("url", `${id}-url-hint`)}
                className={`${CONTROL_CLASS} w-full`}
              />
              {errorFor("url")}
            </div>
          ) : (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-choice`} className="font-semibold">
                {kind === "page" ? "Trang" : "Chuyên mục"}
              </label>
              {options.length === 0 ? (
                <p className="text-muted">{kind === "page" ? "Chưa có trang nào." : "Chưa có chuyên mục nào."}</p>
              ) : (
                <select
                  id={`${id}-choice`}
                  value={choice}
                  onChange={(event) => setChoice(event.target.value)}
                  aria-invalid={error?.field === "choice" ? true : undefined}
                  aria-describedby={describedBy("choice")}
                  className={`${CONTROL_CLASS} w-full`}
                >
                  <option value="">– Chọn –</option>
                  {options.map((option) => (
                    <option key={option.id} value={String(option.id)}>
                      {optionLabel(option)}
                    </option>
                  ))}
                </select>
              )}
              {errorFor("choice")}
            </div>
          )}
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-label`} className="font-semibold">
              {kind === "url" ? "Tên hiển thị" : `Tên hiển thị (để trống: dùng tên ${kind === "page" ? "trang" : "chuyên mục"})`}
            </label>
            <input
              id={`${id}-label`}
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              aria-invalid={error?.field === "label" ? true : undefined}
              aria-describedby={describedBy("label")}
              className={`${CONTROL_CLASS} w-full`}
            />
            {errorFor("label")}
          </div>
          <div>
            <button type="submit" className={BUTTON}>
              Thêm vào trình đơn
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
