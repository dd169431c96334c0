import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";
import { wordsFor } from "@/lib/i18n/dictionary";

export const metadata: Metadata = { title: wordsFor("en").notFound.title, robots: { index: false, follow: true } };

/** The English site's one 404 page (lib/server/public-pages.ts keeps it, as /khong-tim-thay for the Vietnamese site). */
export default function EnglishMissingPage() {
  return <NotFoundMessage language="en" />;
}
