#!/usr/bin/env bash
# npm run standby [-- --at "2026-12-03 10:15"]
# Brings the site up on this machine (or data folder) from the continuous replica (README,
# "Standby and failover"): restores the database and media from REPLICA_URL into DATABASE_PATH
# with the usual restore's safety, then starts the server exactly as `npm start` does. Run it with
# the settings of the site (AUTH_SECRET included, so sessions stay valid) and the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent restore -- --from-replica "$@"
exec npm start
