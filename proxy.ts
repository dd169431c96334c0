import { NextResponse, type NextRequest } from "next/server";
import { adminCsp } from "@/lib/security/csp";

// lib/i18n/request.ts reads it (a constant here: the proxy bundle must not import server-only modules).
const PATH_HEADER = "x-cms-path";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Convenience and headers only. Every page, action and route checks the session and the
 * permission itself through lib/dal: this proxy is never the check (it has been bypassed in
 * other apps by header and URL tricks).
 *
 * It also tells the page being rendered its own address (PATH_HEADER, always overwritten): the root
 * layout sets `<html lang>` from it and the header's language switcher reads it.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!pathname.startsWith("/admin") && pathname !== "/login") {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(PATH_HEADER, pathname);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  // A server action posted after the session ended gets its own answer ("signed out", what was typed
  // handed back) rather than a redirect the form could not show; the action checks the session itself.
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (pathname.startsWith("/admin") && !hasSession && !isAction) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = adminCsp(nonce);
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(PATH_HEADER, pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  // Every page; not Next's files, images, the page script, recordings or documents' files.
  matcher: ["/((?!_next/static|_next/image|assets/|media/|audio/|tep/).*)"],
};
