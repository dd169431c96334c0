import type { JSONContent } from "@tiptap/core";
import type { Random } from "./random";
import { headline, paragraph, sentence, type TextModel } from "./text";

/** What a figure needs from a library image (the attributes the editor copies from the media picker). */
export type FigureImage = {
  id: number;
  src: string;
  alt: string;
  width: number;
  height: number;
  srcset: string | null;
  srcsetWebp: string | null;
};

export type GeneratedPost = { title: string; lead: string; source: string; body: JSONContent; featured: FigureImage | null };

const SOURCES = ["Cục Sở hữu trí tuệ", "Văn phòng Cục", "Phòng Thông tin", "Trung tâm Thông tin sở hữu công nghiệp", "Ban biên tập"];

const text = (value: string): JSONContent => ({ type: "text", text: value });

/** Agency posts put a phrase in bold now and then (a name, a document number). */
function paragraphNode(model: TextModel, random: Random): JSONContent {
  const body = paragraph(model, random, random.int(2, 5));
  if (!random.chance(0.15)) return { type: "paragraph", content: [text(body)] };
  const cut = body.indexOf(" ", Math.min(body.length - 1, 20 + random.int(0, 40)));
  if (cut <= 0) return { type: "paragraph", content: [text(body)] };
  return { type: "paragraph", content: [{ ...text(body.slice(0, cut)), marks: [{ type: "bold" }] }, text(body.slice(cut))] };
}

function figureNode(image: FigureImage, caption: string): JSONContent {
  return {
    type: "figure",
    attrs: { src: image.src, alt: image.alt, width: image.width, height: image.height, mediaId: image.id, srcset: image.srcset, srcsetWebp: image.srcsetWebp },
    content: [text(caption)],
  };
}

function listNode(model: TextModel, random: Random): JSONContent {
  return {
    type: "bulletList",
    content: Array.from({ length: random.int(3, 6) }, () => ({
      type: "listItem",
      content: [{ type: "paragraph", content: [text(sentence(model, random, random.int(8, 20)))] }],
    })),
  };
}

/**
 * One news post the way the agency writes them: a headline, a lead of one or two sentences, 4 to
 * 12 paragraphs (about 300 to 1,200 words), sometimes a subheading or a list, and photos from the library
 * with captions in most posts.
 */
export function generatePost(model: TextModel, random: Random, images: readonly FigureImage[]): GeneratedPost {
  const content: JSONContent[] = [];
  const paragraphs = random.int(4, 12);
  const photos = images.length === 0 || random.chance(0.25) ? 0 : random.int(1, 3);
  const photoAt = new Set(Array.from({ length: photos }, () => random.int(1, paragraphs)));
  const used: FigureImage[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i > 2 && random.chance(0.08)) content.push({ type: "heading", attrs: { level: 2 }, content: [text(headline(model, random))] });
    content.push(paragraphNode(model, random));
    if (i === 3 && random.chance(0.1)) content.push(listNode(model, random));
    if (photoAt.has(i)) {
      const image = random.pick(images);
      used.push(image);
      content.push(figureNode(image, sentence(model, random, random.int(6, 14))));
    }
  }
  return {
    title: headline(model, random),
    lead: paragraph(model, random, random.int(1, 2)),
    source: random.pick(SOURCES),
    body: { type: "doc", content },
    featured: used[0] ?? null,
  };
}
