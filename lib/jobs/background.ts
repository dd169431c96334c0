import "server-only";
import type { Db } from "@/lib/dal/connection";
import type { LitestreamRecord } from "@/lib/replication/litestream-process";
import { ReplicationService } from "@/lib/replication/service";
import { replicationSettings } from "@/lib/replication/settings";
import { stopReadAloudAudio } from "./audio-job";
import { JOBS } from "./index";
import type { LeaderWork } from "./leader";
import { startJobs, stopJobs } from "./runner";

/**
 * The background work one process runs for all (lib/jobs/leader.ts): the jobs and, when
 * REPLICA_URL is set, continuous replication. Told to the cluster's primary process (server.ts),
 * which stops this process last at shutdown, after the others have written their last saves.
 */
const finishing: ReplicationService[] = [];

/** At shutdown, after the database is closed: Litestream ships what is left and exits. */
export async function finishReplication(): Promise<void> {
  for (const service of finishing.splice(0)) await service.stop();
}

export function backgroundWork(db: Db): LeaderWork {
  const settings = replicationSettings();
  let replication: ReplicationService | null = null;
  return {
    async start(previousDetail) {
      startJobs(db, JOBS);
      if (!settings) return;
      replication = new ReplicationService(db, settings);
      await replication.start((previousDetail as { litestream?: LitestreamRecord } | null)?.litestream ?? null);
    },
    async stop(reason) {
      await stopJobs();
      await stopReadAloudAudio();
      // At shutdown Litestream stops after the database connection closes (finishReplication): the
      // last connection to close would otherwise checkpoint and delete the WAL, and the next start
      // would begin a new generation, a full snapshot.
      const stopped = replication;
      replication = null;
      if (reason === "lost") await stopped?.stop();
      else if (stopped) {
        await stopped.stopCopying();
        finishing.push(stopped);
      }
    },
    detail: () => replication?.detail() ?? null,
    onChange: (holding) => process.send?.({ type: "cms:background", holding }),
  };
}
