import { PostImage } from "@/components/posts/PostImage";
import type { PublicImage } from "@/lib/dal/public/images";
import { ARTICLE_IMAGE_SIZES } from "@/lib/richtext/image-sources";

/** An article's or a page's own picture, with its caption under it: the media pipeline's renditions where it has them, fetched first. */
export function FeaturedFigure({ image, caption }: { image: PublicImage | null; caption: string }) {
  if (!image) return null;
  return (
    <figure className="mt-6">
      <PostImage image={image} sizes={ARTICLE_IMAGE_SIZES} priority className="mx-auto block h-auto max-w-full" />
      {caption && <figcaption className="mt-2 text-center text-[0.9375rem] italic text-muted">{caption}</figcaption>}
    </figure>
  );
}
