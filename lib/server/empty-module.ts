// server.ts is bundled on its own (npm run build:server); `server-only` guards client bundles, so there it is this.
export {};
