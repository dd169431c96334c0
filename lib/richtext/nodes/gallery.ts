import { Node } from "@tiptap/core";

/**
 * A photo gallery: several figures side by side, each with its own caption
 * (`<div class="gallery"><figure>…</figure>…</div>`), like the agency's "Một số hình ảnh tại Hội nghị".
 */
export const Gallery = Node.create({
  name: "gallery",
  group: "block",
  content: "figure+",
  draggable: true,
  defining: true,

  parseHTML() {
    return [{ tag: "div.gallery" }];
  },

  renderHTML() {
    return ["div", { class: "gallery" }, 0];
  },
});
