import { isUtf8 } from "node:buffer";

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/**
 * Whether a request target (path and query as Node hands it over: one character per byte) can be
 * decoded: every `%` starts a two-digit escape, and the bytes the escapes and any raw bytes stand
 * for are valid UTF-8, which also rules out overlong forms (`%c0%ae`) and encoded surrogates.
 * Next's router answers such paths with a bare 500.
 */
export function isWellFormedTarget(target: string): boolean {
  // Almost every request: plain ASCII without escapes.
  if (!/[%\u0080-\uffff]/.test(target)) return true;
  const bytes = new Uint8Array(target.length);
  let length = 0;
  for (let i = 0; i < target.length; i++) {
    const code = target.charCodeAt(i);
    if (code > 0xff) return false;
    if (code === 0x25) {
      const hex = target.slice(i + 1, i + 3);
      if (!HEX_PAIR.test(hex)) return false;
      bytes[length++] = parseInt(hex, 16);
      i += 2;
    } else {
      bytes[length++] = code;
    }
  }
  return isUtf8(bytes.subarray(0, length));
}
