/** The replica's health for /admin: ./queries.ts run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import { read } from "@/lib/dal/bind";
import { replicationStatusFor } from "./queries";

export type { ReplicationHealth } from "@/lib/replication/status";

export const replicationStatus = () => read(replicationStatusFor);
