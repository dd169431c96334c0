import Link from "next/link";
import type { Language } from "@/db/vocabulary";
import { wordsFor } from "@/lib/i18n/dictionary";
import { ROUTES } from "@/lib/i18n/routes";

export function NotFoundMessage({ language = "vi" }: { language?: Language }) {
  const words = wordsFor(language).notFound;
  return (
    <div className="py-6">
      <h1 className="text-3xl font-bold">{words.title}</h1>
      <p className="mt-4 max-w-prose">{words.text}</p>
      <p className="mt-6">
        <Link href={ROUTES[language].home} className="underline underline-offset-4">
          {words.home}
        </Link>
      </p>
    </div>
  );
}
