/*
 * The moment `npm run restore -- --from-replica --at …` is asked for: Vietnam time as people write
 * it (`2026-12-03 10:15`, seconds optional; Vietnam has no daylight saving, always UTC+7), or ISO
 * 8601 with its offset (`2026-12-03T03:15:00Z`, `2026-12-03T10:15+07:00`).
 */
const VIETNAM = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseRestoreTime(text: string): Date | null {
  const value = text.trim();
  const local = VIETNAM.exec(value);
  if (local) {
    const [year, month, day, hour, minute, second] = local.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
    const date = new Date(Date.UTC(year, month - 1, day, hour - 7, minute, second));
    // 31/02 and the like roll over into the next month: refuse them rather than guess.
    const back = new Date(date.getTime() + 7 * 3600_000);
    return back.getUTCDate() === day && back.getUTCMonth() === month - 1 ? date : null;
  }
  if (!WITH_OFFSET.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
