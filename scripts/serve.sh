#!/usr/bin/env bash
# Serves the app on http://127.0.0.1:8080/ with live rebuilds (Quick start, first command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
echo "Journey Studio: open http://127.0.0.1:${PORT}/ once the build below is done (Ctrl+C stops)."
exec trunk serve --offline --address 127.0.0.1 --port "$PORT"
