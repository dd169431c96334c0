/**
 * Public pages are read, not used as an app: nothing on them needs React in the browser (the reader
 * toolbar and the share buttons are run by the small page script, components/site/page-script.ts).
 * Next's App Router still sends its client runtime with every page (React DOM and the router,
 * 139 kB gzip of the 144 kB an article cost) and the page again as flight data in inline scripts
 * (about half of the HTML), all to hydrate a page that would not change. This takes them out of
 * the HTML that server.ts sends for public pages, so links are plain links and the budget of
 * 100 kB of JavaScript per article is kept with room to spare.
 *
 * Only what Next writes for its own runtime goes, by its exact shapes (checked against a real
 * page in the unit tests): script tags and script preloads of /_next/static/ chunks, the inline
 * bootstrap that lists the chunks to load (Turbopack's), and the inline `self.__next_f` flight scripts. Any other script stays: JSON-LD, the pre-paint script,
 * the page script, and React's inline scripts that reveal streamed Suspense content.
 */

const CHUNK_SCRIPT = /<script\b[^>]*\bsrc="\/_next\/static\/[^"]*"[^>]*><\/script>/g;
const CHUNK_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*\bhref="\/_next\/static\/[^"]*"[^>]*\/?>/g;
const CHUNK_BOOTSTRAP = /<script\b[^>]*>\(globalThis\["TURBOPACK"\]\s*\|\|[\s\S]*?<\/script>/g;
const FLIGHT_SCRIPT = /<script>(?:\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)|self\.__next_f)\.push\([\s\S]*?\)<\/script>/g;

export function stripNextRuntime(html: string): string {
  return html.replace(CHUNK_SCRIPT, "").replace(CHUNK_PRELOAD, "").replace(CHUNK_BOOTSTRAP, "").replace(FLIGHT_SCRIPT, "");
}
