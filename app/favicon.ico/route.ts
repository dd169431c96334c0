import { getSiteIcons } from "@/lib/dal/public/site";

// Read from the database on request (the build has none).
export const dynamic = "force-dynamic";

/**
 * /favicon.ico, which browsers ask for on every site whatever the page says: the logo's icons (16,
 * 32 and 48 px in one file), or the default star. Kept like a public page (lib/server/public-pages.ts)
 * and emptied by the `public` tag a settings save queues; pages link it with the logo's version.
 */
export async function GET() {
  const { ico } = await getSiteIcons();
  return new Response(new Uint8Array(ico), { headers: { "Content-Type": "image/x-icon" } });
}
