/**
 * Route handlers that change data check the Origin themselves (Next checks it for server actions
 * only). A browser always sends Origin on a cross-site POST; `null` (sandboxed frames, some
 * redirects) is refused too.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host === new URL(request.url).host || new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
