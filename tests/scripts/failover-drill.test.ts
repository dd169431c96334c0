import { describe, expect, it } from "vitest";
import { formatDrill, runDrill } from "../../scripts/drill-failover";

/*
 * The failover drill itself (npm run drill:failover): writes through the app on a replicating
 * primary with two app processes, kill -9 of its whole process tree, the standby procedure in
 * another folder. The goals: under 5 s of writes lost, the standby serving within 60 s.
 */
describe("failover drill", () => {
  it("loses under 5 s of acknowledged saves and serves from the standby within 60 s", async () => {
    const result = await runDrill({ writeSeconds: 6, workers: 2, port: 3290 });
    console.log(formatDrill(result));
    expect(result.acknowledged).toBeGreaterThan(50);
    expect(result.recoveryPointSeconds).toBeLessThan(5);
    expect(result.recoveryTimeSeconds).toBeLessThan(60);
    expect(result.standbyPosts).toBeGreaterThanOrEqual(result.acknowledged - result.missing);
  });
});
