/**
 * Cleans HTML pasted from Word, LibreOffice and Google Docs before the editor parses it: keeps
 * structure (headings, paragraphs, lists, tables, links, images) and inline emphasis, drops
 * fonts, colours, classes, comments, Office tags, tracked deletions and empty paragraphs, turns
 * Word's fake lists (paragraphs styled `mso-list`) into real ones, and makes text NFC.
 * Runs in the browser (DOMParser); tests pass happy-dom's parser.
 */

import { isAllowedHref } from "./links";

type Parse = (html: string) => Document;

const DROP = "style, meta, link, script, title, xml, noscript, object, embed, iframe, svg, math, form, input, button, select, textarea, del, colgroup, col, head";
const ALIGNMENTS = new Set(["left", "center", "right", "justify"]);
const IMAGE_SRC = /^(https?:\/\/|\/|data:image\/(png|jpeg|gif|webp);base64,)/i;

const defaultParse: Parse = (html) => new DOMParser().parseFromString(html, "text/html");

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  next.append(...Array.from(el.childNodes));
  for (const attr of Array.from(el.attributes)) next.setAttribute(attr.name, attr.value);
  el.replaceWith(next);
  return next;
}

function styleOf(el: Element): string {
  return (el.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
}

function removeComments(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
}

/** Inline emphasis that Docs and Word express as styled spans becomes real marks. */
function spanToMarks(el: Element): void {
  const style = styleOf(el);
  const wrappers: string[] = [];
  const weight = /font-weight:(\d+|bold)/.exec(style)?.[1];
  if (weight === "bold" || (weight && Number(weight) >= 600)) wrappers.push("strong");
  if (style.includes("font-style:italic")) wrappers.push("em");
  if (/text-decoration[^;]*underline/.test(style)) wrappers.push("u");
  if (/text-decoration[^;]*line-through/.test(style)) wrappers.push("s");
  let inner: Element = el;
  for (const tag of wrappers) {
    const wrapper = el.ownerDocument.createElement(tag);
    wrapper.append(...Array.from(inner.childNodes));
    inner.append(wrapper);
    inner = wrapper;
  }
  unwrap(el);
}

type FakeItem = { p: Element; level: number; list: string; ordered: boolean };

/** Word writes lists as paragraphs with `mso-list:l0 level1` and a typed bullet; rebuild real lists. */
function rebuildWordLists(body: HTMLElement): void {
  const items: FakeItem[] = [];
  for (const p of Array.from(body.querySelectorAll("p"))) {
    const match = /mso-list:(l\d+)level(\d+)/.exec(styleOf(p));
    if (!match) continue;
    const marker = Array.from(p.querySelectorAll("span"))
      .find((s) => styleOf(s).includes("mso-list:ignore"))
      ?.textContent?.replace(/\s|\u00a0/g, "") ?? "";
    items.push({ p, list: match[1]!, level: Number(match[2]), ordered: /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i.test(marker) });
  }
  const isNext = (a: Element, b: Element) => {
    let node = a.nextSibling;
    while (node && node.nodeType === 3 && !node.textContent?.trim()) node = node.nextSibling;
    return node === b;
  };
  let i = 0;
  while (i < items.length) {
    const run = [items[i]!];
    // A list continues while its paragraphs are adjacent and belong to the same Word list (lN).
    while (i + run.length < items.length && items[i + run.length]!.list === run[0]!.list && isNext(run.at(-1)!.p, items[i + run.length]!.p)) {
      run.push(items[i + run.length]!);
    }
    i += run.length;
    const doc = body.ownerDocument;
    const stack: Array<{ list: Element; level: number }> = [];
    const first = run[0]!;
    const root = doc.createElement(first.ordered ? "ol" : "ul");
    first.p.before(root);
    stack.push({ list: root, level: first.level });
    for (const item of run) {
      while (stack.length > 1 && item.level < stack.at(-1)!.level) stack.pop();
      if (item.level > stack.at(-1)!.level) {
        const nested = doc.createElement(item.ordered ? "ol" : "ul");
        const parentItem = stack.at(-1)!.list.lastElementChild ?? stack.at(-1)!.list;
        parentItem.append(nested);
        stack.push({ list: nested, level: item.level });
      }
      const li = doc.createElement("li");
      item.p.removeAttribute("style");
      li.append(item.p);
      stack.at(-1)!.list.append(li);
    }
  }
}

function keepAlignment(el: Element): void {
  const align = /text-align:(\w+)/.exec(styleOf(el))?.[1] ?? el.getAttribute("align")?.toLowerCase();
  for (const attr of Array.from(el.attributes)) el.removeAttribute(attr.name);
  if (align && ALIGNMENTS.has(align) && align !== "left") el.setAttribute("style", `text-align: ${align}`);
}

function cleanAttributes(body: HTMLElement): void {
  for (const el of Array.from(body.querySelectorAll("*"))) {
    const tag = el.tagName.toLowerCase();
    if (tag === "p" || /^h[2-4]$/.test(tag)) {
      keepAlignment(el);
      continue;
    }
    const keep: Record<string, string[]> = { a: ["href"], img: ["src", "alt", "width", "height"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"], ol: ["start"] };
    for (const attr of Array.from(el.attributes)) {
      if (!keep[tag]?.includes(attr.name)) el.removeAttribute(attr.name);
    }
  }
}

function isEmptyBlock(el: Element): boolean {
  return !el.querySelector("img, table, hr") && (el.textContent ?? "").replace(/[\s\u00a0\u200b]/g, "") === "";
}

export function cleanPastedHtml(html: string, parse: Parse = defaultParse): string {
  const doc = parse(html);
  const body = doc.body;
  removeComments(body);
  body.querySelectorAll(DROP).forEach((el) => el.remove());
  // Word comments: the anchors in the text and the comment list at the end.
  body.querySelectorAll("a.msocomanchor, span.MsoCommentReference, [style*='mso-element']").forEach((el) => el.remove());

  rebuildWordLists(body);
  for (const el of Array.from(body.querySelectorAll("span"))) {
    if (styleOf(el).includes("mso-list:ignore")) el.remove();
  }
  // Office namespaced tags (o:p holds only a non-breaking space) and tracked insertions.
  for (const el of Array.from(body.querySelectorAll("*"))) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === "o:p") el.remove();
    else if (tag.includes(":") || tag === "ins" || tag === "font" || tag === "div" || tag === "section" || tag === "article") unwrap(el);
  }
  // Google Docs wraps the whole clipboard in <b style="font-weight:normal">.
  for (const el of Array.from(body.querySelectorAll("b, strong"))) {
    if (/font-weight:(normal|[1-4]00)/.test(styleOf(el))) unwrap(el);
  }
  for (const el of Array.from(body.querySelectorAll("span"))) spanToMarks(el);
  for (const el of Array.from(body.querySelectorAll("b"))) rename(el, "strong");
  for (const el of Array.from(body.querySelectorAll("i"))) rename(el, "em");
  for (const el of Array.from(body.querySelectorAll("strike"))) rename(el, "s");
  // The title is the post's own h1; pasted levels fold into the editor's h2–h4.
  for (const el of Array.from(body.querySelectorAll("h1"))) rename(el, "h2");
  for (const el of Array.from(body.querySelectorAll("h5, h6"))) rename(el, "h4");

  for (const img of Array.from(body.querySelectorAll("img"))) {
    if (!IMAGE_SRC.test(img.getAttribute("src") ?? "")) img.remove(); // file:/// images never reached the clipboard
  }
  for (const a of Array.from(body.querySelectorAll("a"))) {
    if (!isAllowedHref(a.getAttribute("href") ?? "")) unwrap(a);
  }
  cleanAttributes(body);
  // Line breaks between blocks are Docs' way of spacing paragraphs.
  for (const br of Array.from(body.querySelectorAll("br"))) {
    if (br.parentElement === body) br.remove();
  }
  for (const el of Array.from(body.querySelectorAll("p, h2, h3, h4, li"))) {
    if (isEmptyBlock(el)) el.remove();
  }

  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    node.textContent = (node.textContent ?? "").normalize("NFC").replace(/\u00a0+/g, (m) => (m.length > 1 ? " " : "\u00a0"));
  }
  return body.innerHTML.replace(/>\s+</g, "><").trim();
}
