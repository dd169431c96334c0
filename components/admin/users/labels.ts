import type { Role, UserStatus } from "@/db/vocabulary";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { formatVietnamDateTime } from "@/lib/vi/date-time-input";

export const STATUS_LABELS: Record<UserStatus, string> = {
  active: "Hoạt động",
  disabled: "Đã khoá",
};

// Derived from the labels rather than db/schema's ROLES, so client bundles do not pull in drizzle.
export const ROLE_OPTIONS = (Object.entries(ROLE_LABELS) as Array<[Role, string]>).map(([value, label]) => ({ value, label }));

/**
 * `21/11/2026 16:05` in Vietnam time whatever the server's zone or the browser's language, as
 * every date the admin shows (lib/vi/date-time-input.ts); `null` means never.
 */
export function formatAdminTime(iso: string | null, never = "Chưa đăng nhập"): string {
  return iso ? formatVietnamDateTime(new Date(iso)) : never;
}
