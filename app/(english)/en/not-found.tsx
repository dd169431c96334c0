import { NotFoundMessage } from "@/components/site/NotFoundMessage";
import { wordsFor } from "@/lib/i18n/dictionary";

export const metadata = { title: wordsFor("en").notFound.title };

/** A missing article, category or page of the English site, inside its layout. */
export default function EnglishNotFound() {
  return <NotFoundMessage language="en" />;
}
