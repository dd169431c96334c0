/** An article's or a page's own picture, with its caption under it. */
export function FeaturedFigure({ image, caption }: { image: { src: string; alt: string } | null; caption: string }) {
  if (!image) return null;
  return (
    <figure className="mt-6">
      {/* eslint-disable-next-line @next/next/no-img-element -- media URLs are already resized renditions */}
      <img src={image.src} alt={image.alt} className="mx-auto block h-auto max-w-full" />
      {caption && <figcaption className="mt-2 text-center text-[0.9375rem] italic text-muted">{caption}</figcaption>}
    </figure>
  );
}
