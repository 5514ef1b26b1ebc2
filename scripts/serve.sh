#!/usr/bin/env bash
# Serves what users get (Quick start, first command): the release build — size-optimised,
# with wasm-opt and the offline service worker — on http://127.0.0.1:8080/ (PORT=… to
# change). For live rebuilds while developing, use scripts/dev.sh instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
echo "Journey Studio: building the release site (first time: a few minutes)…"
trunk build --release --offline --dist dist
exec node scripts/static_server.mjs dist "$PORT"
