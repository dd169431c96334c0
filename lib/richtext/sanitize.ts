import sanitizeHtml from "sanitize-html";
import { isAllowedImageSrc, isAllowedSizes, isAllowedSrcset } from "./image-sources";
import { isAllowedHref, isExternalHref } from "./links";

const ALIGN = [/^(left|right|center|justify)$/];

/** Image addresses are checked by our own rules (media renditions or http(s)), not only by scheme. */
function imageAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out = { ...attribs };
  if ("src" in out && !isAllowedImageSrc(out.src)) delete out.src;
  if ("srcset" in out && !isAllowedSrcset(out.srcset)) delete out.srcset;
  if ("sizes" in out && !isAllowedSizes(out.sizes)) delete out.sizes;
  return out;
}

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "h2", "h3", "h4", "strong", "em", "u", "s", "a", "br", "hr",
    "ul", "ol", "li", "blockquote", "figure", "picture", "source", "img", "figcaption", "div",
    "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
    source: ["type", "srcset", "sizes"],
    p: ["class", "style"],
    h2: ["style"],
    h3: ["style"],
    h4: ["style"],
    figure: ["class"],
    div: ["class"],
    ol: ["start"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: { p: ["caption"], figure: ["figure"], div: ["gallery"] },
  allowedStyles: { "*": { "text-align": ALIGN } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"], source: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  selfClosing: [...sanitizeHtml.defaults.selfClosing, "source", "col"],
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? "";
      if (!isAllowedHref(href)) return { tagName, attribs: {} };
      return { tagName, attribs: isExternalHref(href) ? { href, rel: "noopener noreferrer nofollow" } : { href } };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: imageAttributes(attribs) }),
    // Only WebP renditions of the same picture; anything else loses its srcset and is dropped below.
    source: (tagName, attribs): sanitizeHtml.Tag => {
      const kept = imageAttributes(attribs);
      if (kept.type !== "image/webp") delete kept.srcset;
      return { tagName, attribs: kept };
    },
    div: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: (attribs.class ?? "").split(/\s+/).includes("gallery") ? { class: "gallery" } : {} }),
  },
  exclusiveFilter: (frame) => {
    // A <source> whose srcset was refused would only be noise.
    if (frame.tag === "source" && !frame.attribs.srcset) return true;
    // A <div> is only ever the gallery wrapper; any other one is unwrapped and its content kept.
    if (frame.tag === "div" && frame.attribs.class !== "gallery") return "excludeTag";
    return false;
  },
};

/** The last gate before HTML reaches a reader: anything outside this allowlist is dropped. */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, options);
}
