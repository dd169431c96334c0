import "server-only";
import { headers } from "next/headers";

/** The CSP nonce proxy.ts gave this staff request, for a <script> we write ourselves (Next puts it on its own). */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
