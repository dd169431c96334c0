"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { MediaDropZone } from "@/components/admin/media/MediaDropZone";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import type { MediaDto } from "@/lib/dal/media/store";
import { Modal } from "./Modal";

export type { MediaDto };

type PageData = { items: MediaDto[]; page: number; pageCount: number; total: number };

/** The smallest WebP rendition, enough for a thumbnail. */
export function thumbnailOf(media: MediaDto): string {
  return media.srcsetWebp.split(", ")[0]?.split(" ")[0] || media.src;
}

/**
 * Choose one image (or several, for a gallery) from the library, or upload new ones first: a
 * dialog with search, pagination and an upload area. Uploaded images are selected at once.
 */
export function MediaPicker({
  onPick,
  onPickMany,
  onClose,
  multiple = false,
}: {
  onPick: (media: MediaDto) => void;
  /** With `multiple`: all chosen images at once, in the order chosen (else onPick is called for each). */
  onPickMany?: (media: MediaDto[]) => void;
  onClose: () => void;
  multiple?: boolean;
}) {
  const [query, setQuery] = useState("");
  const [typed, setTyped] = useState("");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<PageData | null>(null);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<MediaDto[]>([]);
  const searchId = useId();

  const load = useCallback(async (q: string, p: number) => {
    setLoading(true);
    try {
      const response = await fetch(`/api/media?${new URLSearchParams({ q, page: String(p) })}`, { cache: "no-store" });
      const body = (await response.json().catch(() => null)) as (PageData & { error?: string }) | null;
      if (!response.ok || !body) throw new Error(body?.error ?? "Không tải được thư viện ảnh. Vui lòng thử lại.");
      setData(body);
      setError("");
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : "Không tải được thư viện ảnh. Vui lòng thử lại.");
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    // Loading the library is the point of opening the picker; the state it sets is the result.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(query, page);
  }, [load, query, page]);

  function toggle(media: MediaDto) {
    setSelected((current) => {
      if (!multiple) return current[0]?.id === media.id ? [] : [media];
      return current.some((m) => m.id === media.id) ? current.filter((m) => m.id !== media.id) : [...current, media];
    });
  }

  function confirm(list = selected) {
    if (list.length === 0) return;
    if (multiple && onPickMany) onPickMany(list);
    else (multiple ? list : list.slice(0, 1)).forEach(onPick);
  }

  function uploaded(media: MediaDto) {
    setSelected((current) => (multiple ? (current.some((m) => m.id === media.id) ? current : [...current, media]) : [media]));
    setData((current) => (current && !current.items.some((m) => m.id === media.id) ? { ...current, items: [media, ...current.items], total: current.total + 1 } : current));
  }

  const chosenLabel = multiple ? (selected.length > 0 ? `Chèn ${selected.length} ảnh` : "Chèn ảnh") : "Chọn ảnh này";

  return (
    <Modal title={multiple ? "Chọn ảnh cho bộ sưu tập" : "Chọn ảnh từ thư viện"} onClose={onClose} wide>
      <div className="flex flex-col gap-4">
        <MediaDropZone onUploaded={uploaded} />

        <form
          role="search"
          aria-label="Tìm ảnh trong thư viện"
          onSubmit={(event) => {
            event.preventDefault();
            event.stopPropagation();
            setPage(1);
            setQuery(typed);
          }}
          className="flex flex-wrap items-end gap-3"
        >
          <div className="flex min-w-56 flex-1 flex-col gap-1">
            <label htmlFor={searchId} className="font-semibold">
              Tìm theo tên, mô tả hoặc chú thích
            </label>
            <input id={searchId} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} className={CONTROL_CLASS} data-autofocus />
          </div>
          <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-line px-4 font-semibold">
            Tìm kiếm
          </button>
        </form>

        <p role="status" className="min-h-6">
          {loading
            ? "Đang tải thư viện…"
            : error
              ? error
              : data && data.total === 0
                ? query
                  ? `Không có ảnh nào khớp “${query}”.`
                  : "Thư viện chưa có ảnh nào. Hãy tải ảnh lên."
                : data
                  ? `${data.total} ảnh${data.pageCount > 1 ? `, trang ${data.page}/${data.pageCount}` : ""}.${multiple ? ` Đã chọn ${selected.length}.` : ""}`
                  : ""}
        </p>

        {data && data.items.length > 0 && (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Ảnh trong thư viện">
            {data.items.map((media) => {
              const isSelected = selected.some((m) => m.id === media.id);
              return (
                <li key={media.id}>
                  <button
                    type="button"
                    aria-pressed={isSelected}
                    onClick={() => toggle(media)}
                    onDoubleClick={() => !multiple && confirm([media])}
                    className={`flex w-full flex-col gap-1 rounded-md border-2 p-1 text-left text-sm ${isSelected ? "border-focus bg-surface" : "border-transparent"}`}
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- library renditions are already resized */}
                    <img src={thumbnailOf(media)} alt="" width={media.width} height={media.height} loading="lazy" className="aspect-[4/3] h-auto w-full bg-surface object-contain" />
                    <span className="line-clamp-2 break-all">{media.alt || media.name}</span>
                    {!media.alt && <span className="text-xs font-semibold text-red-800">Chưa có mô tả ảnh</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}

        {data && data.pageCount > 1 && (
          <nav aria-label="Phân trang thư viện ảnh" className="flex flex-wrap items-center gap-3">
            <button type="button" disabled={page <= 1 || loading} onClick={() => setPage((p) => p - 1)} className="inline-flex min-h-11 items-center rounded-md border border-line px-4 disabled:opacity-50">
              Trang trước
            </button>
            <span>
              Trang {data.page}/{data.pageCount}
            </span>
            <button type="button" disabled={page >= data.pageCount || loading} onClick={() => setPage((p) => p + 1)} className="inline-flex min-h-11 items-center rounded-md border border-line px-4 disabled:opacity-50">
              Trang sau
            </button>
          </nav>
        )}

        <div className="flex flex-wrap justify-end gap-3 border-t border-line pt-4">
          <button type="button" onClick={onClose} className="inline-flex min-h-11 items-center rounded-md border border-line px-4">
            Huỷ
          </button>
          <button
            type="button"
            disabled={selected.length === 0}
            onClick={() => confirm()}
            className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink disabled:opacity-60"
          >
            {chosenLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}
