#!/usr/bin/env bash
# Every test of the project, on a fresh machine: installs what it needs
# (rustfmt/clippy, the wasm target, wasm-bindgen-cli, a Python venv,
# Chromium for the browser test), then runs format and lint checks, the Rust
# tests (unit, integration, doc, bench smoke), the Python suite, the
# WASM suite and the cross-front-end conformance check. Exits non-zero on the first failure; skips nothing silently.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ ! -d ../shared/corpus ]; then
  echo "WARNING: ../shared/corpus not found beside the checkout: corpus tests will print SKIPPED and run on fixtures only." >&2
fi

step "Rust components (rustfmt, clippy)"
rustup component add rustfmt clippy >/dev/null

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy -D warnings (core, cli, benches)"
cargo clippy --all-targets -- -D warnings

step "API docs build without a broken link (core)"
RUSTDOCFLAGS="-D warnings" cargo doc -p atscore --no-deps -q

step "Rust tests (unit, integration, doc)"
cargo test

step "Benchmarks compile and run once (criterion test mode)"
cargo test -p atscore-benches --benches -q

if [ -x python/test.sh ]; then
  step "Python package"
  python/test.sh
else
  echo "python/test.sh missing" >&2
  exit 1
fi

if [ -x wasm/test.sh ]; then
  step "WASM package and browser page"
  wasm/test.sh
else
  echo "wasm/test.sh missing" >&2
  exit 1
fi

step "Conformance: library, CLI, Python and WASM give byte-identical JSON"
scripts/conformance.sh

step "All tests passed"
