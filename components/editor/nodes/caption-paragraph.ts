import { Node, mergeAttributes } from "@tiptap/core";

/** A caption standing on its own (its photo is elsewhere or was lost in an import), styled like a figure caption. */
export const CaptionParagraph = Node.create({
  name: "captionParagraph",
  group: "block",
  content: "inline*",
  priority: 1100, // parsed before the plain paragraph, which would otherwise claim <p class="caption">

  parseHTML() {
    return [{ tag: "p.caption" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["p", mergeAttributes(HTMLAttributes, { class: "caption" }), 0];
  },
});
