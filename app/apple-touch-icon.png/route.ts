import { getSiteIcons } from "@/lib/dal/public/site";

// Read from the database on request (the build has none).
export const dynamic = "force-dynamic";

/** The home-screen icon phones ask for (180 × 180, on a solid ground); see app/favicon.ico/route.ts. */
export async function GET() {
  const { touch } = await getSiteIcons();
  return new Response(new Uint8Array(touch), { headers: { "Content-Type": "image/png" } });
}
