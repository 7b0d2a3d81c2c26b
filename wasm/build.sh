#!/usr/bin/env bash
# Build the atscore WebAssembly package.
#
#   wasm/build.sh          the ESM build for browsers, copied into wasm/www/pkg/
#                          (then: python3 -m http.server -d wasm/www 8000)
#   wasm/build.sh --all    also the Node build, and the publishable npm package
#                          in wasm/pkg/ (web/, node/, package.json, README.md)
#
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli 0.2.130
# (wasm/test.sh installs both).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
all=false
[[ "${1:-}" == "--all" ]] && all=true

# A size-tuned release profile for this crate only, without touching the
# workspace's release profile.
profile=wasm-release
cargo build --manifest-path "$root/Cargo.toml" -p atscore-wasm --lib \
  --target wasm32-unknown-unknown --profile "$profile" \
  --config "profile.$profile.inherits=\"release\"" \
  --config "profile.$profile.opt-level=\"s\"" \
  --config "profile.$profile.lto=true" \
  --config "profile.$profile.codegen-units=1" \
  --config "profile.$profile.panic=\"abort\""
wasm="$root/target/wasm32-unknown-unknown/$profile/atscore_wasm.wasm"

rm -rf "$here/pkg/web" "$here/www/pkg"
wasm-bindgen --target web --weak-refs --remove-name-section --remove-producers-section --out-dir "$here/pkg/web" "$wasm"
echo '{"type": "module"}' > "$here/pkg/web/package.json"
mkdir -p "$here/www/pkg"
cp "$here/pkg/web/atscore_wasm.js" "$here/pkg/web/atscore_wasm_bg.wasm" "$here/www/pkg/"

if $all; then
  rm -rf "$here/pkg/node"
  wasm-bindgen --target nodejs --weak-refs --remove-name-section --remove-producers-section --out-dir "$here/pkg/node" "$wasm"
  echo '{"type": "commonjs"}' > "$here/pkg/node/package.json"
  cp "$here/npm/package.json" "$here/npm/README.md" "$here/pkg/"
  cp "$root/LICENSE" "$here/pkg/" 2>/dev/null || true
fi

size="$(wc -c < "$here/pkg/web/atscore_wasm_bg.wasm")"
gz="$(gzip -9c "$here/pkg/web/atscore_wasm_bg.wasm" | wc -c)"
echo "atscore_wasm_bg.wasm: $size bytes raw, $gz bytes gzip -9"
