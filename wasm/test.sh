#!/usr/bin/env bash
# Install what the wasm package needs, build it for the web and Node, and run
# all its tests: wasm-bindgen tests in Node, Node tests of the built package on
# the corpus against the native library, and the page in headless Chromium.
# Runnable from any directory; exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$here"

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
bash "$here/toolchain.sh"
wasm-bindgen --version
if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  else
    echo "error: Chromium is not installed at ${CHROMIUM:-/usr/bin/chromium} and this is not root:" >&2
    echo "       run 'apt-get install -y chromium chromium-driver' as root (or set CHROMIUM)" >&2
    exit 1
  fi
fi
if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

step "build (web + nodejs)"
bash "$here/build.sh" --all

step "wasm-bindgen tests (Node)"
# lopdf's glyph-name lookup is one match of ~4,000 arms; unoptimized it has
# more locals than wasm-bindgen's parser accepts ("too many locals"), so
# lopdf alone is built with opt-level 1 in this debug test build.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --manifest-path "$root/Cargo.toml" -p atscore-wasm --target wasm32-unknown-unknown \
  --config 'profile.dev.package.lopdf.opt-level=1'

step "Node tests of the package"
node --test tests/node/

step "page in headless Chromium"
node --test tests/browser/

step "sizes"
wasm="$here/pkg/web/atscore_wasm_bg.wasm"
echo "atscore_wasm_bg.wasm: $(wc -c < "$wasm") bytes raw, $(gzip -9c "$wasm" | wc -c) bytes gzip -9"
echo "screenshots: $root/target/wasm-page/"
