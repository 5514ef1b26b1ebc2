#!/usr/bin/env bash
# Development server with live rebuilds (`trunk serve`, a debug build: slower — 1M-event
# analytics takes seconds instead of a fraction of one — and without the offline cache) on
# http://127.0.0.1:8080/ (PORT=… to change). What users get is scripts/serve.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
echo "Journey Studio (development): open http://127.0.0.1:${PORT}/ once the build below is done (Ctrl+C stops)."
exec trunk serve --offline --address 127.0.0.1 --port "$PORT"
