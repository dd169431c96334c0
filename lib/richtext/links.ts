/**
 * Links a post may carry: http(s), mailto and site-relative paths. Browsers ignore ASCII
 * whitespace and control characters inside a scheme (`java\tscript:`), so they are removed
 * before the scheme is read.
 */
export function isAllowedHref(raw: string): boolean {
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, "");
  if (href === "") return false;
  if (href.startsWith("/")) return !href.startsWith("//") && !href.startsWith("/\\");
  if (href.startsWith("#")) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  if (!scheme) return false;
  return ["http", "https", "mailto"].includes(scheme[1]!.toLowerCase());
}

export function isExternalHref(href: string): boolean {
  return /^https?:/i.test(href.trim());
}
