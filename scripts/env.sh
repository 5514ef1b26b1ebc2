# Sourced by the scripts: puts the pinned tools first on PATH (binaryen's wasm-opt from npm
# must win over any other wasm-opt, e.g. Debian's broken 108).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
