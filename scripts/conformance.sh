#!/usr/bin/env bash
# Cross-front-end conformance: the same resumes (every corpus resume plus the
# fixtures in scripts/conformance/fixtures: emoji, accents, a BOM, CRLF,
# <script>, NUL, an empty file) through the Rust library, the CLI, the Python
# package and the WASM Node build must give byte-identical report JSON for
# the same offset units:
#   utf8        library = CLI = WASM
#   utf16       library = CLI = WASM
#   code_point  library = CLI = WASM = Python
# On a difference it prints the file and the first differing JSON path.
#
# Run after python/test.sh and wasm/test.sh (it uses the wheel installed in
# target/py-venv and the Node build in wasm/pkg); fails loudly if one is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
conf="$here/conformance"
venv_py="$root/target/py-venv/bin/python"
pkg="$root/wasm/pkg"
cli="$root/target/debug/atscore"

die() { echo "conformance: $*" >&2; exit 1; }

[ -x "$venv_py" ] || die "no Python venv at target/py-venv: run python/test.sh first"
"$venv_py" -c "import atscore" 2>/dev/null || die "atscore is not installed in target/py-venv: run python/test.sh first"
[ -f "$pkg/node/atscore_wasm.js" ] || die "no WASM Node build in wasm/pkg/node: run wasm/test.sh (or wasm/build.sh --all) first"
command -v node > /dev/null || die "node not found"

echo "== build the library driver and the CLI (debug)"
cargo build -q --manifest-path "$root/Cargo.toml" -p atscore --example report_json
cargo build -q --manifest-path "$root/Cargo.toml" -p atscore-cli
lib="$root/target/debug/examples/report_json"
[ -x "$cli" ] || die "CLI not built at target/debug/atscore"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

corpus="$root/../shared/corpus/resumes"
{
  if [ -d "$corpus" ]; then
    find "$corpus" -path '*/text/*.txt' -type f | LC_ALL=C sort
  else
    echo "WARNING: corpus not found at $corpus: fixtures only" >&2
  fi
  find "$conf/fixtures" -type f | LC_ALL=C sort
} > "$work/files"
mapfile -t files < "$work/files"
echo "== ${#files[@]} resumes"
[ "${#files[@]}" -ge 5 ] || die "too few files"

for units in utf8 utf16 code_point; do
  cli_units="${units/code_point/codepoint}"
  echo "== offsets: $units"
  "$lib" --offsets "$units" "${files[@]}" > "$work/lib.$units"
  : > "$work/cli.$units"
  for f in "${files[@]}"; do
    "$cli" analyze "$f" --format json --offsets "$cli_units" >> "$work/cli.$units"
    # one line per report, whether or not the CLI ends its output with a newline
    [ -z "$(tail -c1 "$work/cli.$units")" ] || echo >> "$work/cli.$units"
  done
  node "$conf/node_driver.cjs" "$pkg" "$units" "${files[@]}" > "$work/wasm.$units"
  outs=("library=$work/lib.$units" "cli=$work/cli.$units" "wasm=$work/wasm.$units")
  if [ "$units" = code_point ]; then
    "$venv_py" "$conf/py_driver.py" "${files[@]}" > "$work/python.$units"
    outs+=("python=$work/python.$units")
  fi
  python3 "$conf/compare.py" "$work/files" "${outs[@]}"
done
echo "== conformance: all front ends agree"
