/**
 * A document's status follows the calendar (it takes effect, it expires) without anyone editing it,
 * while its page and the registry are kept until a change names them. Once per Vietnam day this
 * queues the registry's tag, which every document page and listing carries, so they are made again
 * with the day's statuses.
 */
import "server-only";
import { cacheTags } from "@/lib/cache/tags";
import { WRITE, type Db } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import { readSetting, writeSetting } from "@/lib/dal/settings/store";
import { vietnamToday } from "@/lib/documents/status";

const KEY = "documents.validityDay";

/** True when it queued the refresh (the first call on a new Vietnam day). */
export function refreshValidityOnNewDay(db: Db, now: Date = new Date()): boolean {
  const today = vietnamToday(now);
  return db.transaction((tx) => {
    if (readSetting(tx, KEY) === today) return false;
    writeSetting(tx, KEY, today, now);
    queueInvalidation(tx, [cacheTags.documents]);
    return true;
  }, WRITE);
}
