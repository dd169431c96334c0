import sanitizeHtml from "sanitize-html";
import { isAllowedHref, isExternalHref } from "./links";

const ALIGN = [/^(left|right|center|justify)$/];

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "h2", "h3", "h4", "strong", "em", "u", "s", "a", "br", "hr",
    "ul", "ol", "li", "blockquote", "figure", "img", "figcaption",
    "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "alt", "width", "height", "loading", "decoding"],
    p: ["class", "style"],
    h2: ["style"],
    h3: ["style"],
    h4: ["style"],
    figure: ["class"],
    ol: ["start"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: { p: ["caption"], figure: ["figure", "gallery"] },
  allowedStyles: { "*": { "text-align": ALIGN } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? "";
      if (!isAllowedHref(href)) return { tagName, attribs: {} };
      return { tagName, attribs: isExternalHref(href) ? { href, rel: "noopener noreferrer nofollow" } : { href } };
    },
  },
};

/** The last gate before HTML reaches a reader: anything outside this allowlist is dropped. */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, options);
}
