import { toVietnamIso } from "@/lib/vi/date-line";

/** The Vietnam calendar day (`yyyy-mm-dd`) and hour of an instant. */
export function vietnamDayAndHour(now: Date): { day: string; hour: number } {
  const iso = toVietnamIso(now); // 2026-05-01T02:00:00+07:00
  return { day: iso.slice(0, 10), hour: Number(iso.slice(11, 13)) };
}

/**
 * Whether the daily backup should run now: turned on, the hour (Vietnam time) reached, and no
 * scheduled attempt yet today. "Reached" rather than "equal" so a server that was down at that
 * hour catches up as soon as it starts.
 */
export function dailyBackupDue(schedule: { enabled: boolean; hour: number }, lastDay: string | null, now: Date): boolean {
  if (!schedule.enabled) return false;
  const { day, hour } = vietnamDayAndHour(now);
  return hour >= schedule.hour && lastDay !== day;
}
