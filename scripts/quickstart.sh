#!/usr/bin/env bash
# First start on a fresh machine: install, build, then serve with demo content on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded; Node's headers are local.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
npm ci --no-audit --no-fund
npm run build
echo
echo "Trang tin đang khởi động tại http://localhost:${PORT:-3000} (Ctrl+C để dừng)."
exec npm start
