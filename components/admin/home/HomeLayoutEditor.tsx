"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { findPostsForHomeAction, saveHomeAction } from "@/app/admin/home/actions";
import { PostSearch, postStateNote } from "@/components/admin/posts-search/PostSearch";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import { FormMessage } from "@/components/ui/FormMessage";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import type { FeaturedEditorEntry, HomeEditorData } from "@/lib/dal/home";

type Featured = FeaturedEditorEntry & { key: string };

const BUTTON =
  "inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-3 text-sm font-semibold text-ink hover:border-brand aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

let next = 0;
const keyed = (entry: FeaturedEditorEntry): Featured => ({ ...entry, key: `tin-${(next++).toString(36)}` });

function swap<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}

/** Up, Down and Remove for one entry of an ordered list, named with the entry so each is clear on its own. */
function OrderButtons({ name, index, count, onMove, onRemove, removeText }: { name: string; index: number; count: number; onMove: (to: number) => void; onRemove: () => void; removeText: string }) {
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={`Sắp xếp “${name}”`}>
      <button type="button" className={BUTTON} aria-disabled={index === 0} data-command="up" onClick={() => index > 0 && onMove(index - 1)}>
        Lên<span className="sr-only"> “{name}”</span>
      </button>
      <button type="button" className={BUTTON} aria-disabled={index === count - 1} data-command="down" onClick={() => index < count - 1 && onMove(index + 1)}>
        Xuống<span className="sr-only"> “{name}”</span>
      </button>
      <button type="button" className={`${BUTTON} text-red-800`} data-command="remove" onClick={onRemove}>
        {removeText}
        <span className="sr-only"> “{name}”</span>
      </button>
    </div>
  );
}

/**
 * The home page's arrangement: featured stories (the first is the lead story) with optional end
 * times, the category blocks and the announcements category, saved as a whole over the version it
 * started from. A story that readers cannot see (withdrawn, trashed, ended) is flagged.
 */
export function HomeLayoutEditor({ data }: { data: HomeEditorData }) {
  const id = useId();
  const [featured, setFeatured] = useState<Featured[]>(() => data.featured.map(keyed));
  const [blocks, setBlocks] = useState<number[]>(data.blockCategoryIds);
  const [announcements, setAnnouncements] = useState(data.announcementsCategoryId === null ? "" : String(data.announcementsCategoryId));
  const [version, setVersion] = useState(data.version);
  const [blockChoice, setBlockChoice] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const focusNext = useRef<string | null>(null);
  const categoryName = (categoryId: number) => data.categories.find((c) => c.id === categoryId)?.name ?? `Chuyên mục #${categoryId}`;

  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const result = await saveHomeAction(previous, formData);
    if (result.ok) setVersion(Number(result.values?.version ?? version + 1));
    return result;
  }, {} as ActionState);

  useEffect(() => {
    const selector = focusNext.current;
    if (!selector) return;
    focusNext.current = null;
    document.querySelector<HTMLElement>(selector)?.focus();
  });

  const moveFeatured = (from: number, to: number) => {
    const entry = featured[from]!;
    setFeatured(swap(featured, from, to));
    focusNext.current = `[data-featured="${entry.key}"] [data-command="${to < from ? "up" : "down"}"]`;
    setAnnouncement(`Đã chuyển “${entry.title}” tới vị trí ${to + 1} trong ${featured.length}${to === 0 ? " (tin chính)" : ""}.`);
  };
  const moveBlock = (from: number, to: number) => {
    const blockId = blocks[from]!;
    setBlocks(swap(blocks, from, to));
    focusNext.current = `[data-block="${blockId}"] [data-command="${to < from ? "up" : "down"}"]`;
    setAnnouncement(`Đã chuyển khối “${categoryName(blockId)}” tới vị trí ${to + 1} trong ${blocks.length}.`);
  };

  const available = data.categories.filter((c) => !blocks.includes(c.id));
  const errors = state.errors ?? {};

  return (
    <div className="flex flex-col gap-8">
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>

      <section aria-labelledby={`${id}-featured`} className="flex flex-col gap-4">
        <h2 id={`${id}-featured`} tabIndex={-1} className="text-2xl font-bold">
          Tin nổi bật
        </h2>
        <p className="max-w-3xl text-muted">
          Tối đa {data.limits.featured} tin. Tin đầu tiên là tin chính, hiện lớn với ảnh đại diện; các tin sau hiện kèm ảnh nhỏ. Có thể đặt thời điểm thôi nổi bật.
        </p>
        {errors.featured && <p className="font-semibold text-red-800">{errors.featured}</p>}
        {featured.length === 0 ? (
          <p className="text-muted">Chưa chọn tin nổi bật nào: trang chủ bắt đầu bằng tin mới nhất.</p>
        ) : (
          <ol className="flex flex-col gap-2" aria-label="Tin nổi bật theo thứ tự">
            {featured.map((entry, index) => {
              const flag = entry.state !== "live" ? `Không hiện trên trang chủ: bài viết ${postStateNote(entry.state)}.` : entry.ended ? "Không hiện trên trang chủ: đã hết thời gian nổi bật." : null;
              return (
                <li key={entry.key} data-featured={entry.key} className={`rounded-md border p-3 ${flag ? "border-red-700" : "border-line"}`}>
                  <p className="font-semibold">
                    <span className="text-muted">{index === 0 ? "Tin chính" : `Tin ${index + 1}`}: </span>
                    {entry.href ? (
                      <a href={entry.href} target="_blank" rel="noopener noreferrer" className="underline underline-offset-2">
                        {entry.title}
                        <span className="sr-only"> (mở trong thẻ mới)</span>
                      </a>
                    ) : (
                      entry.title
                    )}
                    <span className="text-sm font-normal text-muted"> ({entry.hasImage ? "có ảnh đại diện" : "không có ảnh"})</span>
                  </p>
                  {flag && (
                    <p className="text-sm font-semibold text-red-800" data-item-flag="">
                      ⚠ {flag}
                    </p>
                  )}
                  <div className="mt-2 flex flex-wrap items-end gap-3">
                    <div className="flex flex-col gap-1">
                      <label htmlFor={`${id}-ends-${entry.key}`} className="text-sm font-semibold">
                        Thôi nổi bật lúc (giờ Việt Nam, để trống: không hạn)
                      </label>
                      <input
                        id={`${id}-ends-${entry.key}`}
                        type="datetime-local"
                        value={entry.endsAt}
                        onChange={(event) => setFeatured((list) => list.map((it) => (it.key === entry.key ? { ...it, endsAt: event.target.value, ended: false } : it)))}
                        className={`${CONTROL_CLASS} max-w-xs`}
                      />
                    </div>
                    <OrderButtons
                      name={entry.title}
                      index={index}
                      count={featured.length}
                      onMove={(to) => moveFeatured(index, to)}
                      removeText="Bỏ khỏi tin nổi bật"
                      onRemove={() => {
                        setFeatured((list) => list.filter((it) => it.key !== entry.key));
                        setAnnouncement(`Đã bỏ “${entry.title}” khỏi tin nổi bật (chưa lưu).`);
                        focusNext.current = `#${CSS.escape(`${id}-featured`)}`;
                      }}
                    />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        <div className="rounded-md border border-line bg-surface p-4">
          <PostSearch
            action={findPostsForHomeAction}
            language={data.language}
            chooseLabel="Thêm vào tin nổi bật"
            isChosen={(postId) => featured.some((entry) => entry.postId === postId)}
            onChoose={(post) => {
              if (featured.length >= data.limits.featured) return setAnnouncement(`Trang chủ có tối đa ${data.limits.featured} tin nổi bật.`);
              setFeatured((list) => [...list, keyed({ postId: post.id, endsAt: "", title: post.title, href: post.href, state: post.state, ended: false, hasImage: post.hasImage })]);
              setAnnouncement(`Đã thêm “${post.title}” vào cuối tin nổi bật (chưa lưu).`);
            }}
          />
        </div>
      </section>

      <section aria-labelledby={`${id}-blocks`} className="flex flex-col gap-4 border-t border-line pt-6">
        <h2 id={`${id}-blocks`} className="text-2xl font-bold">
          Khối chuyên mục
        </h2>
        <p className="max-w-3xl text-muted">Mỗi chuyên mục được chọn có một khối tin mới nhất trên trang chủ, theo thứ tự dưới đây (tối đa {data.limits.blocks} khối).</p>
        {errors.blockCategoryIds && <p className="font-semibold text-red-800">{errors.blockCategoryIds}</p>}
        {blocks.length === 0 ? (
          <p className="text-muted">Chưa chọn chuyên mục nào.</p>
        ) : (
          <ol className="flex flex-col gap-2" aria-label="Khối chuyên mục theo thứ tự">
            {blocks.map((blockId, index) => (
              <li key={blockId} data-block={blockId} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line p-3">
                <span className="font-semibold">{categoryName(blockId)}</span>
                <OrderButtons
                  name={categoryName(blockId)}
                  index={index}
                  count={blocks.length}
                  onMove={(to) => moveBlock(index, to)}
                  removeText="Bỏ khối"
                  onRemove={() => {
                    setBlocks((list) => list.filter((it) => it !== blockId));
                    setAnnouncement(`Đã bỏ khối “${categoryName(blockId)}” (chưa lưu).`);
                    focusNext.current = `#${CSS.escape(`${id}-block-choice`)}`;
                  }}
                />
              </li>
            ))}
          </ol>
        )}
        {available.length > 0 && blocks.length < data.limits.blocks && (
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-block-choice`} className="font-semibold">
                Thêm khối chuyên mục
              </label>
              <select id={`${id}-block-choice`} value={blockChoice} onChange={(event) => setBlockChoice(event.target.value)} className={CONTROL_CLASS}>
                <option value="">– Chọn chuyên mục –</option>
                {available.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                const chosen = Number(blockChoice);
                if (!chosen) return setAnnouncement("Hãy chọn một chuyên mục trước.");
                setBlocks((list) => [...list, chosen]);
                setBlockChoice("");
                setAnnouncement(`Đã thêm khối “${categoryName(chosen)}” vào cuối (chưa lưu).`);
              }}
            >
              Thêm khối
            </button>
          </div>
        )}
      </section>

      <form action={formAction} className="flex max-w-3xl flex-col gap-4 border-t border-line pt-6">
        <SelectField
          label="Chuyên mục Thông báo (cột bên trang chủ)"
          name="announcementsCategoryId"
          value={announcements}
          onChange={(event) => setAnnouncements(event.target.value)}
          options={[{ value: "", label: "– Không hiện khối Thông báo –" }, ...data.categories.map((c) => ({ value: String(c.id), label: c.name }))]}
          error={errors.announcementsCategoryId}
        />
        <input type="hidden" name="language" value={data.language} />
        <input type="hidden" name="version" value={String(version)} />
        <input type="hidden" name="featured" value={JSON.stringify(featured.map((entry) => ({ postId: entry.postId, endsAt: entry.endsAt })))} />
        <input type="hidden" name="blockCategoryIds" value={JSON.stringify(blocks)} />
        <FormMessage state={state} />
        <div>
          <SubmitButton>Lưu bố cục trang chủ</SubmitButton>
        </div>
      </form>
    </div>
  );
}
