/** E-mails are compared and stored in one form: NFC, trimmed, lower-case. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}
