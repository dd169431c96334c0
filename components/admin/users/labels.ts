import type { Role, UserStatus } from "@/db/vocabulary";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export const STATUS_LABELS: Record<UserStatus, string> = {
  active: "Hoạt động",
  disabled: "Đã khoá",
};

// Derived from the labels rather than db/schema's ROLES, so client bundles do not pull in drizzle.
export const ROLE_OPTIONS = (Object.entries(ROLE_LABELS) as Array<[Role, string]>).map(([value, label]) => ({ value, label }));

const dateTime = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/**
 * `21/11/2026 16:05` in Vietnam time whatever the server's zone (vi-VN alone puts the time
 * first); `null` means never.
 */
export function formatAdminTime(iso: string | null, never = "Chưa đăng nhập"): string {
  if (!iso) return never;
  const part = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}
