/**
 * The reader words of each language, for the page script: it reads the page's `<html lang>` and
 * takes the words of that site (the server wrote the toolbar's first state in the same words).
 */
import type { Language } from "@/db/vocabulary";
import { enReader } from "./en/reader";
import { viReader, type ReaderWords } from "./vi/reader";

export type { ReaderWords };
export const READER_WORDS: Readonly<Record<Language, ReaderWords>> = { vi: viReader, en: enReader };

/** The words of the page in the browser: English under `<html lang="en">`, Vietnamese otherwise. */
export function readerWordsOfPage(doc: Document = document): ReaderWords {
  return doc.documentElement.lang.startsWith("en") ? enReader : viReader;
}
