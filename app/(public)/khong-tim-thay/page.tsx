import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";

export const metadata: Metadata = { title: "Không tìm thấy trang", robots: { index: false, follow: true } };

/**
 * The page every public address that does not exist is answered with, status 404: server.ts renders
 * it once and keeps it (lib/server/public-pages.ts), so it is whole HTML, read without JavaScript.
 */
export default function MissingPage() {
  return <NotFoundMessage />;
}
