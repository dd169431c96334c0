import "server-only";
import { media, posts, type MediaRendition } from "@/db/schema";
import { mediaUrl } from "@/lib/media/store";

/**
 * A post's featured image as public pages show it. A library image carries its renditions
 * (WebP and a fallback at 480/960/1600 px) and its size, so pages write `srcset`, `sizes`, width
 * and height; an imported post's image is an address only.
 */
export type PublicImage = {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  srcsetWebp?: string;
  srcsetFallback?: string;
};

/** The columns a read selects (with `.leftJoin(media, eq(media.id, posts.featuredMediaId))`) to build the image. */
export const imageColumns = {
  imageUrl: posts.featuredImageUrl,
  imageAlt: posts.featuredImageAlt,
  imageWidth: media.width,
  imageHeight: media.height,
  imageFallbackFormat: media.fallbackFormat,
  imageRenditions: media.renditions,
};

export type ImageRow = {
  imageUrl: string | null;
  imageAlt: string;
  imageWidth: number | null;
  imageHeight: number | null;
  imageFallbackFormat: string | null;
  imageRenditions: MediaRendition[] | null;
};

export function toPublicImage(row: ImageRow): PublicImage | null {
  if (!row.imageUrl) return null;
  const renditions = row.imageRenditions ?? [];
  if (renditions.length === 0 || !row.imageWidth || !row.imageHeight) return { src: row.imageUrl, alt: row.imageAlt };
  const byFormat = (format: string) => renditions.filter((r) => r.format === format).sort((a, b) => a.width - b.width);
  const srcset = (list: MediaRendition[]) => list.map((r) => `${mediaUrl(r.file)} ${r.width}w`).join(", ");
  const fallback = byFormat(row.imageFallbackFormat ?? "jpeg");
  return {
    src: row.imageUrl,
    alt: row.imageAlt,
    width: row.imageWidth,
    height: row.imageHeight,
    srcsetWebp: srcset(byFormat("webp")) || undefined,
    srcsetFallback: srcset(fallback) || undefined,
  };
}
