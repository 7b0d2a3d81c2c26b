#!/usr/bin/env bash
# Install what building the wasm package needs, if it is missing: the
# wasm32-unknown-unknown target and wasm-bindgen-cli 0.2.130 (the version of
# the `wasm-bindgen` crate in wasm/Cargo.toml; the first install takes about
# two minutes). Called by build.sh and test.sh; safe to run again.
set -euo pipefail
want="wasm-bindgen 0.2.130"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "$want" ]]; then
  echo "installing wasm-bindgen-cli 0.2.130 (once; about two minutes)" >&2
  cargo install wasm-bindgen-cli --version 0.2.130
fi
