/**
 * lib/documents/status.ts's resolveValidity as an SQL expression over the documents table, so the
 * registry can filter and count by status on today's date without storing a status that the
 * calendar would make stale. The unit tests compare the two on every combination.
 */
import { sql, type SQL } from "drizzle-orm";
import { documents } from "@/db/schema";
import { vietnamToday } from "@/lib/documents/status";

export function validitySql(now: Date): SQL<string | null> {
  const today = vietnamToday(now);
  const from = documents.effectiveFrom;
  const until = documents.effectiveUntil;
  const manual = documents.manualStatus;
  return sql<string | null>`CASE
    WHEN ${until} IS NOT NULL AND ${until} <= ${today} THEN 'expired'
    WHEN ${manual} = 'expired' THEN 'expired'
    WHEN ${from} IS NOT NULL AND ${from} > ${today} THEN 'not_yet_effective'
    WHEN ${manual} IS NOT NULL AND NOT (${manual} = 'not_yet_effective' AND ${from} IS NOT NULL) THEN ${manual}
    WHEN ${from} IS NOT NULL THEN 'in_force'
    ELSE NULL END`;
}
