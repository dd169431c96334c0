/** Escapes text for XML content and attribute values (both quote kinds, so either delimiter is safe). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Control characters are not allowed in XML 1.0 at all; a stray one from pasted text would make the whole feed invalid.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
