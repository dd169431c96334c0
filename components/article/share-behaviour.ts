import { readerWordsOfPage } from "@/lib/i18n/reader-words";

const MESSAGE_MS = 5000;

/** Runs the print and copy buttons of one ShareTools block; returns what stops it. */
export function runShareTools(tools: HTMLElement): () => void {
  const url = tools.dataset.shareTools ?? location.href;
  const status = tools.querySelector('[data-share="status"]');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const words = readerWordsOfPage().share;

  const say = (text: string) => {
    if (status) status.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (status) status.textContent = "";
    }, MESSAGE_MS);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      say(words.copied);
    } catch {
      // No clipboard access (an old browser, or permission refused): give the reader the address instead.
      say(words.copyFailed(url));
    }
  };

  const onClick = (event: MouseEvent) => {
    const action = (event.target as Element).closest("button[data-share]")?.getAttribute("data-share");
    if (action === "print") window.print();
    else if (action === "copy") void copy();
  };

  tools.addEventListener("click", onClick);
  tools.dataset.ready = "true";
  return () => {
    tools.removeEventListener("click", onClick);
    clearTimeout(timer);
  };
}
