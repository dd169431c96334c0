import type { MediaDto } from "@/lib/dal/media/store";

/**
 * Browser side of an upload to POST /api/media, one file per request so each gets its own
 * progress and its own error. XHR rather than fetch: fetch reports no upload progress.
 */

export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadError";
  }
}

export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/**
 * A quick check before sending, so an obviously wrong file gets its message at once. The server
 * decides by the file's content (magic bytes); a browser's type for an unknown file is "".
 */
export function precheckImage(file: { name: string; size: number; type: string }): string | null {
  if (file.size > UPLOAD_LIMIT_BYTES) return `“${file.name}”: ảnh lớn hơn 20 MB.`;
  if (file.type === "image/svg+xml") return `“${file.name}”: không nhận ảnh SVG. Hãy dùng JPEG, PNG, WebP hoặc GIF.`;
  if (file.type && !file.type.startsWith("image/")) return `“${file.name}”: tệp này không phải ảnh. Chỉ nhận JPEG, PNG, WebP hoặc GIF.`;
  return null;
}

export function isAcceptedImageType(type: string): boolean {
  return IMAGE_TYPES.has(type);
}

export function uploadImage(
  file: Blob,
  name: string,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<MediaDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { items?: MediaDto[]; error?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.items?.[0]) {
        options.onProgress?.(1);
        resolve(body.items[0]);
      } else if (xhr.status === 401) {
        reject(new UploadError("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại ở một thẻ khác rồi thử lại."));
      } else {
        reject(new UploadError(body?.error ?? "Không tải được ảnh lên. Vui lòng thử lại."));
      }
    };
    xhr.onerror = () => reject(new UploadError("Mất kết nối khi tải ảnh lên. Vui lòng kiểm tra mạng và thử lại."));
    xhr.onabort = () => reject(new UploadError("Đã huỷ tải ảnh lên."));
    options.signal?.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    form.append("file", file, name);
    xhr.send(form);
  });
}

/** The figure attributes for a library image: everything the public page needs, so rendering never looks it up. */
export function figureAttrsFromMedia(media: MediaDto, alt?: string) {
  return {
    src: media.src,
    alt: alt || media.alt,
    width: media.width,
    height: media.height,
    mediaId: media.id,
    srcset: media.srcsetFallback || null,
    srcsetWebp: media.srcsetWebp || null,
  };
}
