/** The activity log for its page: ./queries.ts run as the signed-in admin (lib/dal/bind.ts). */
import "server-only";
import { read } from "@/lib/dal/bind";
import { listActivityActorsFor, listActivityFor, type ActivityFilters } from "./queries";

export { ACTIVITY_PAGE_SIZE, isActivityAction, vietnamDayStart, type ActivityFilters, type ActivityPage, type ActivityRow } from "./queries";

export const listActivity = (filters: ActivityFilters) => read((db, actor) => listActivityFor(db, actor, filters));
export const listActivityActors = () => read(listActivityActorsFor);
