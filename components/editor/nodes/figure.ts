import { Node, mergeAttributes } from "@tiptap/core";

/** A photo with its caption: `<figure><img><figcaption>caption</figcaption></figure>`. The caption is the node's inline content. */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  content: "inline*",
  marks: "bold italic underline link",
  draggable: true,
  isolating: true,

  addAttributes() {
    return {
      src: { default: null },
      alt: { default: "" },
      width: { default: null },
      height: { default: null },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure",
        contentElement: "figcaption",
        getAttrs: (element) => {
          const img = (element as HTMLElement).querySelector("img");
          if (!img) return false;
          return {
            src: img.getAttribute("src"),
            alt: img.getAttribute("alt") ?? "",
            width: img.getAttribute("width"),
            height: img.getAttribute("height"),
          };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, width, height } = node.attrs as Record<string, string | null>;
    return [
      "figure",
      mergeAttributes(HTMLAttributes, { class: "figure", src: null, alt: null, width: null, height: null }),
      ["img", { src, alt: alt ?? "", width, height, loading: "lazy", decoding: "async" }],
      ["figcaption", 0],
    ];
  },
});
