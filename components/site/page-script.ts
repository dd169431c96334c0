/*
 * The one script of the public site: public pages are served without Next's client runtime
 * (lib/server/strip-next-runtime.ts), and this runs what on them needs JavaScript: the reader
 * toolbar and the print and copy buttons. `npm run build:script` bundles it (esbuild) into
 * public/assets/page.js; PageScript.tsx puts it on the page. Staff previews load it too, inside
 * the staff screens' React, so it also picks up blocks added later and stops those removed.
 */
import { runShareTools } from "@/components/article/share-behaviour";
import { runReaderToolbar } from "@/components/reader/toolbar-behaviour";

const BLOCKS: [selector: string, run: (element: HTMLElement) => () => void][] = [
  ["[data-reader-toolbar]", runReaderToolbar],
  ["[data-share-tools]", runShareTools],
];

const running = new Map<HTMLElement, () => void>();

function update(): void {
  for (const [element, stop] of running) {
    if (!element.isConnected) {
      stop();
      running.delete(element);
    }
  }
  for (const [selector, run] of BLOCKS) {
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!running.has(element)) running.set(element, run(element));
    }
  }
}

function start(): void {
  update();
  new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
