#!/usr/bin/env bash
# The one test command (npm test): typecheck, lint, unit tests, production build, operations tests, end-to-end tests.
# Every step runs even after a failure, so one run reports everything; the last line is the totals.
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
passed=0 failed=0 skipped=0 status=0

step() { # name, command...
  local name=$1; shift
  echo; echo "=== $name"
  if "$@"; then passed=$((passed + 1)); echo "--- $name: ok"; else failed=$((failed + 1)); status=1; echo "--- $name: FAILED"; fi
}

# Adds the counts from a JSON report (vitest or Playwright) to the totals.
count_report() {
  local report=$1 kind=$2
  if [ ! -s "$report" ]; then echo "no $kind report at $report"; failed=$((failed + 1)); status=1; return; fi
  read -r p f s < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (process.argv[2] === "vitest") {
      console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
    } else {
      const st = r.stats;
      // Passed only on its retry (playwright.config.ts): named on stderr, so the run says which.
      const flaky = [];
      const walk = (suite, path) => {
        for (const spec of suite.specs ?? []) for (const t of spec.tests) if (t.status === "flaky") flaky.push(`${spec.file}:${spec.line} › ${[...path, spec.title].join(" › ")}`);
        for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
      };
      for (const file of r.suites) walk(file, []);
      for (const name of flaky) console.error(`flaky (failed, then passed on its retry): ${name}`);
      console.log(st.expected + st.flaky, st.unexpected, st.skipped);
    }' "$report" "$kind")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

step "typecheck (tsc --noEmit)" npx tsc --noEmit
step "lint (eslint)" npx eslint . --max-warnings 0
step "structure (dependency-cruiser: no import circle, imports only go down, the database only through lib/dal)" npm run --silent lint:structure

echo; echo "=== unit tests (vitest)"
rm -f test-results/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1
count_report test-results/vitest.json vitest

step "build (next build)" npm run build

# Against the production build, on their own ports (3200+) and temporary data folders.
echo; echo "=== operations tests (vitest: health, shutdown, kill -9 durability, backup and restore)"
rm -f test-results/vitest-scripts.json
npx vitest run -c vitest.scripts.config.mts --reporter=default --reporter=json --outputFile.json=test-results/vitest-scripts.json || status=1
count_report test-results/vitest-scripts.json vitest

echo; echo "=== end-to-end tests (playwright, chromium)"
rm -f test-results/playwright.json
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test || status=1
count_report test-results/playwright.json playwright

echo
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ] || status=1
exit $status
