import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() / unauthorized() for pages that the data access layer refuses.
  experimental: { authInterrupts: true },
  // Native and DOM-emulating modules stay out of the server bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "happy-dom", "sanitize-html"],
  // Page 1 of a listing has one address; redirecting here avoids rendering (and caching) a duplicate.
  async redirects() {
    return [
      { source: "/trang/1", destination: "/", permanent: true },
      { source: "/chuyen-muc/:slug/trang/1", destination: "/chuyen-muc/:slug", permanent: true },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
