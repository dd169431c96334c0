import type { NextConfig } from "next";
import { publicCsp } from "./lib/security/csp";
import { POST_FORM_MAX_BYTES } from "./lib/validations/request-limits";

const https = (process.env.SITE_URL ?? "").startsWith("https://");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() / unauthorized() for pages that the data access layer refuses.
  // Server actions carry a whole post form; server.ts refuses bodies over POST_FORM_MAX_BYTES with a
  // 413 first, so Next's own limit (a 500 when crossed) sits just above it and is never the one hit.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: POST_FORM_MAX_BYTES + 64 * 1024 } },
  // Native and DOM-emulating modules stay out of the server bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "happy-dom", "sanitize-html"],
  // Page 1 of a listing has one address; redirecting here avoids rendering (and caching) a duplicate.
  async redirects() {
    return [
      { source: "/trang/1", destination: "/", permanent: true },
      { source: "/chuyen-muc/:slug/trang/1", destination: "/chuyen-muc/:slug", permanent: true },
      { source: "/en/page/1", destination: "/en", permanent: true },
      { source: "/en/category/:slug/page/1", destination: "/en/category/:slug", permanent: true },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
      {
        // Staff pages get a nonce-based policy from proxy.ts instead.
        source: "/((?!admin|login).*)",
        headers: [
          { key: "Content-Security-Policy", value: publicCsp() },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
      // Built files whose address carries a version from their content (lib/assets/page-script-src.ts).
      { source: "/assets/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      { source: "/admin", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/admin/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/login", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

export default nextConfig;
