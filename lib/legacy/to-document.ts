import type { JSONContent } from "@tiptap/core";
import type { LegacyBlock } from "./parse";

const inline = (text: string): JSONContent[] => (text ? [{ type: "text", text }] : []);

/** The editor document for an imported post: captions become figure captions, or caption paragraphs when the photo is not in the export. */
export function legacyBlocksToDocument(blocks: LegacyBlock[]): JSONContent {
  const content: JSONContent[] = blocks.map((block) => {
    switch (block.type) {
      case "paragraph":
        return { type: "paragraph", content: inline(block.text) };
      case "heading":
        return { type: "heading", attrs: { level: 2 }, content: inline(block.text) };
      case "caption":
        return { type: "captionParagraph", content: inline(block.text) };
      case "figure":
        return {
          type: "figure",
          attrs: { src: block.src, alt: block.caption ?? "" },
          content: inline(block.caption ?? ""),
        };
    }
  });
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}
