import type { PublicImage } from "@/lib/dal/public/images";

type Props = {
  image: PublicImage;
  /** How wide the picture is shown, for the browser's choice among the renditions. */
  sizes: string;
  /** The lead story's picture, the largest thing on the first screen: fetched at once, not lazily. */
  priority?: boolean;
  className?: string;
};

/**
 * A post's picture from the media pipeline: WebP where the browser takes it, the fallback format
 * otherwise, each at 480/960/1600 px, with width and height so the space is kept before it loads.
 * Below the first screen it loads lazily. An imported post's address-only picture is a plain <img>.
 */
export function PostImage({ image, sizes, priority = false, className = "" }: Props) {
  const loading = priority ? undefined : ("lazy" as const);
  const fetchPriority = priority ? ("high" as const) : undefined;
  if (!image.srcsetFallback) {
    // eslint-disable-next-line @next/next/no-img-element -- an imported post's picture, an address only
    return <img src={image.src} alt={image.alt} loading={loading} fetchPriority={fetchPriority} decoding="async" className={className} />;
  }
  return (
    <picture>
      {image.srcsetWebp && <source type="image/webp" srcSet={image.srcsetWebp} sizes={sizes} />}
      <img
        src={image.src}
        srcSet={image.srcsetFallback}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={loading}
        fetchPriority={fetchPriority}
        decoding={priority ? undefined : "async"}
        className={className}
      />
    </picture>
  );
}
