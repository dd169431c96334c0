"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

// The article page's only other client code is the reader toolbar: keep this leaf small, no dependencies.
const CONTROL =
  "inline-flex min-h-[2.75rem] items-center justify-center rounded-md border border-line bg-surface px-3 font-semibold text-ink no-underline hover:border-brand";
const MESSAGE_MS = 5000;

const subscribeNothing = () => () => {};

/** Print and share, under the article. The share links work without JavaScript; print and copy need it. */
export function ShareTools({ url }: { url: string }) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // False in the server HTML and during hydration, so tests know the buttons are live.
  const ready = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const encoded = encodeURIComponent(url);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    let text: string;
    try {
      await navigator.clipboard.writeText(url);
      text = "Đã sao chép liên kết";
    } catch {
      // No clipboard access (an old browser, or permission refused): give the reader the address instead.
      text = `Không sao chép được. Địa chỉ bài viết: ${url}`;
    }
    setMessage(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(""), MESSAGE_MS);
  };

  return (
    <div
      role="group"
      aria-label="In và chia sẻ"
      data-read-skip=""
      data-ready={ready ? "true" : undefined}
      className="share-tools no-print mt-6 border-t border-line pt-4"
    >
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={`js-only ${CONTROL}`} onClick={() => window.print()}>
          In bài viết
        </button>
        <a className={CONTROL} href={`https://www.facebook.com/sharer/sharer.php?u=${encoded}`} target="_blank" rel="noopener noreferrer">
          Chia sẻ lên Facebook<span className="sr-only"> (mở trong thẻ mới)</span>
        </a>
        <a className={CONTROL} href={`https://zalo.me/share?url=${encoded}`} target="_blank" rel="noopener noreferrer">
          Chia sẻ qua Zalo<span className="sr-only"> (mở trong thẻ mới)</span>
        </a>
        <button type="button" className={`js-only ${CONTROL}`} onClick={copy}>
          Sao chép liên kết
        </button>
      </div>
      {/* Always rendered: a live region must exist before its text changes to be announced. */}
      <p role="status" className="text-sm text-ink not-empty:mt-2">
        {message}
      </p>
    </div>
  );
}
