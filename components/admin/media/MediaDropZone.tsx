"use client";

import { useId, useRef, useState } from "react";
import type { MediaDto } from "@/lib/dal/media/store";
import { precheckImage, uploadImage, UploadError } from "@/lib/media/client-upload";

type Job = { key: string; name: string; progress: number; status: "waiting" | "uploading" | "done" | "error"; message?: string };

const PARALLEL = 3;
let sequence = 0;

/**
 * Upload by button or by dropping files, several at once, each with its own progress bar and its
 * own result. Used by the library page and by the editor's picker.
 */
export function MediaDropZone({ onUploaded, onAllDone }: { onUploaded?: (media: MediaDto) => void; onAllDone?: () => void }) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [over, setOver] = useState(false);
  // Results are announced one by one; the percentages themselves would be far too chatty.
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const queue = useRef<Array<{ key: string; file: File }>>([]);
  const running = useRef(0);

  const patch = (key: string, change: Partial<Job>) => setJobs((list) => list.map((job) => (job.key === key ? { ...job, ...change } : job)));

  function pump() {
    while (running.current < PARALLEL && queue.current.length > 0) {
      const { key, file } = queue.current.shift()!;
      running.current += 1;
      patch(key, { status: "uploading" });
      uploadImage(file, file.name, { onProgress: (fraction) => patch(key, { progress: Math.round(fraction * 100) }) })
        .then((media) => {
          patch(key, { status: "done", progress: 100 });
          setAnnouncement(`Đã tải lên ${file.name}.`);
          onUploaded?.(media);
        })
        .catch((error: unknown) => {
          const message = error instanceof UploadError ? error.message : "Không tải được ảnh lên. Vui lòng thử lại.";
          patch(key, { status: "error", message });
          setAnnouncement(`Lỗi khi tải ${file.name}: ${message}`);
        })
        .finally(() => {
          running.current -= 1;
          if (running.current === 0 && queue.current.length === 0) onAllDone?.();
          pump();
        });
    }
  }

  function add(files: FileList | File[]) {
    const list = Array.from(files);
    if (list.length === 0) return;
    const added: Job[] = [];
    for (const file of list) {
      const key = `u${++sequence}`;
      const problem = precheckImage(file);
      if (problem) {
        added.push({ key, name: file.name, progress: 0, status: "error", message: problem });
        setAnnouncement(problem);
      } else {
        added.push({ key, name: file.name, progress: 0, status: "waiting" });
        queue.current.push({ key, file });
      }
    }
    setJobs((current) => [...added, ...current].slice(0, 50));
    pump();
  }

  return (
    <div className="flex flex-col gap-3">
      <div
        data-dropzone
        onDragOver={(event) => {
          if (!Array.from(event.dataTransfer.types).includes("Files")) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          add(event.dataTransfer.files);
        }}
        className={`flex flex-col items-center gap-3 rounded-md border-2 border-dashed px-4 py-6 text-center ${over ? "border-focus bg-surface" : "border-line"}`}
      >
        <p id={hintId}>Kéo thả ảnh vào đây, hoặc chọn từ máy. Nhận JPEG, PNG, WebP, GIF; mỗi ảnh tối đa 20 MB; chọn được nhiều ảnh cùng lúc.</p>
        <button
          type="button"
          aria-describedby={hintId}
          onClick={() => input.current?.click()}
          className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink"
        >
          Chọn ảnh để tải lên
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/gif"
          hidden
          data-testid="media-file-input"
          onChange={(event) => {
            if (event.target.files) add(event.target.files);
            event.target.value = "";
          }}
        />
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div>
        {jobs.length > 0 && (
          <ul aria-label="Ảnh tải lên" className="flex flex-col gap-2">
            {jobs.map((job) => (
              <li key={job.key} className="rounded-md border border-line px-3 py-2" data-upload-status={job.status}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold break-all">{job.name}</span>
                  <span className={job.status === "error" ? "font-semibold text-red-800" : undefined}>
                    {job.status === "waiting" && "Đang chờ…"}
                    {job.status === "uploading" && `Đang tải lên… ${job.progress}%`}
                    {job.status === "done" && "Đã tải lên"}
                    {job.status === "error" && `Lỗi: ${job.message}`}
                  </span>
                </div>
                {job.status !== "error" && (
                  <progress max={100} value={job.progress} aria-label={`Tiến độ tải ${job.name}`} className="mt-1 h-2 w-full" />
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
