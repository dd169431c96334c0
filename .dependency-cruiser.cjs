/**
 * The structure rules of the codebase, checked by `npm test` (scripts/run-tests.sh, "structure"):
 * the floors are db/ (the schema), lib/ (logic and the data layer), then components/ and app/
 * (screens). Imports only go down, never round in a circle, and the database is reached through
 * lib/dal/ alone. README, "How it is laid out", says why.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle ties files that should be understandable one at a time.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-up",
      severity: "error",
      comment: "lib/ is logic and data: it never reaches up into the screens.",
      from: { path: "^lib/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "db-not-up",
      severity: "error",
      comment: "db/ is the schema and the connection; what it needs from above is passed in (db/open.ts).",
      from: { path: "^db/" },
      to: { path: "^(lib|components|app)/" },
    },
    {
      name: "database-through-the-data-layer",
      severity: "error",
      comment: "Only lib/dal/ (with the checks beside its queries) opens, queries or migrates the database; db/vocabulary.ts is plain constants.",
      from: { path: "^(app|components|lib|scripts|server\\.ts|proxy\\.ts|instrumentation\\.ts)", pathNot: "^lib/dal/" },
      to: { path: "^db/", pathNot: "^db/vocabulary\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.e2e-data|data|public/assets|test-results)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
