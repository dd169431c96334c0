import { pageScriptSrc } from "@/lib/assets/page-script-src";

/**
 * The public site's script (components/site/page-script.ts). `async` makes React treat it as a
 * resource: put in <head>, loaded once however many blocks ask for it. Staff pages must pass
 * their CSP nonce.
 */
export function PageScript({ nonce }: { nonce?: string }) {
  return <script src={pageScriptSrc()} async nonce={nonce} />;
}
