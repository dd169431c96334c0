import "server-only";
import { headers } from "next/headers";
import type { Language } from "@/db/vocabulary";
import { languageOfPath } from "./routes";

/**
 * The address being rendered, as proxy.ts wrote it into the request (replacing whatever a client
 * sent under that name). Next 16 gives a layout no path, and the root layout must set
 * `<html lang>` from it: the English site is `/en`, the rest Vietnamese.
 */
export const PATH_HEADER = "x-cms-path";

export async function requestPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}

export async function requestLanguage(): Promise<Language> {
  return languageOfPath(await requestPath());
}
