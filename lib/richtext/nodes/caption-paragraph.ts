import { Node, mergeAttributes } from "@tiptap/core";

/** A caption standing on its own (its photo is elsewhere or was lost in an import), styled like a figure caption. */
export const CaptionParagraph = Node.create({
  name: "captionParagraph",
  group: "block",
  content: "inline*",

  parseHTML() {
    // The rule's own priority (not the extension's) puts it before the plain paragraph, which would
    // otherwise claim <p class="caption">. An extension priority above the paragraph's would also
    // move this node first in the schema and make it the default block: new lines, the trailing
    // node and splits would all become captions.
    return [{ tag: "p.caption", priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["p", mergeAttributes(HTMLAttributes, { class: "caption" }), 0];
  },
});
