/*
 * What server.ts (plain tsx) and the code Next bundles (startup, jobs, the health route) share
 * about the process's life. They load this module as separate copies, so the state is kept on
 * globalThis, the one thing they have in common.
 */
type Hook = { name: string; run: () => void | Promise<void> };
const state = globalThis as unknown as { __cmsLifecycle?: { stopping: boolean; hooks: Hook[] } };

function lifecycle() {
  state.__cmsLifecycle ??= { stopping: false, hooks: [] };
  return state.__cmsLifecycle;
}

/** Work to do once no request is being served any more (stop jobs, close the database), in order. */
export function onShutdown(name: string, run: Hook["run"]): void {
  lifecycle().hooks.push({ name, run });
}

/** True from the moment the server starts draining: /api/health then answers 503. */
export function isShuttingDown(): boolean {
  return lifecycle().stopping;
}

export function markShuttingDown(): void {
  lifecycle().stopping = true;
}

/** Runs every hook once, in registration order; one failing hook does not keep the others from running. */
export async function runShutdownHooks(): Promise<void> {
  const hooks = lifecycle().hooks.splice(0);
  for (const hook of hooks) {
    try {
      await hook.run();
    } catch (error) {
      console.error(`[shutdown] ${hook.name} failed`, error);
    }
  }
}
