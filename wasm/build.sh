#!/usr/bin/env bash
# Build the atscore WebAssembly package and the browser page's modules.
#
#   wasm/build.sh              the ESM build for browsers (pkg/web/), and the
#                              page's two modules in wasm/www/pkg/:
#                                lean/  analysis and the role search: what
#                                       the page loads first
#                                full/  + job postings, PDF/DOCX reading and
#                                       role suggestions, loaded when a
#                                       posting is read or a file dropped
#                                data/  the posting reader's lexicon and
#                                       tagger (loaded with the posting
#                                       reader), and the role library,
#                                       role-library.tsv (loaded when the
#                                       role search is first focused)
#                              (then: python3 -m http.server -d wasm/www 8000)
#   wasm/build.sh --all        also the Node build, and the publishable npm package
#                              in wasm/pkg/ (web/, node/, package.json, README.md)
#   wasm/build.sh --no-files   the package without PDF/DOCX reading (feature
#                              `files` off): analyzeBytes reads UTF-8 text only
#   wasm/build.sh --wasm-opt   also run `wasm-opt -Oz` from npm's binaryen
#                              (wasm/node_modules, `npm install`); Debian's
#                              wasm-opt is never used (it breaks modules made by
#                              wasm-bindgen). Off by default: it makes the module
#                              ~6% smaller raw but ~3% larger gzipped and
#                              brotli-compressed, which is what a page downloads
#                              (figures in wasm/README.md). WASM_OPT=1 does the same.
#
# Flags combine. Installs the wasm32-unknown-unknown target and wasm-bindgen-cli
# 0.2.130 first if they are missing (wasm/toolchain.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
all=false
features=()
wasm_opt="${WASM_OPT:-0}"
for arg in "$@"; do
  case "$arg" in
    --all) all=true ;;
    --no-files) features=(--no-default-features --features api,console_error_panic_hook,posting,suggest) ;;
    --wasm-opt) wasm_opt=1 ;;
    *) echo "build.sh: unknown argument $arg (--all, --no-files, --wasm-opt)" >&2; exit 2 ;;
  esac
done

bash "$here/toolchain.sh"

# A size-tuned release profile for this crate only, without touching the
# workspace's release profile. opt-level "z" (not "s"): it keeps the gzipped
# module within the size budgets of tests/node/files.test.mjs and of the
# page's first load (tests/browser); the page reads resumes of a few KB.
profile=wasm-release
wasm="$root/target/wasm32-unknown-unknown/$profile/atscore_wasm.wasm"
optimize() {
  [[ "$wasm_opt" == 1 ]] || return 0
  local opt="$here/node_modules/.bin/wasm-opt"
  [[ -x "$opt" ]] || { echo "build.sh: --wasm-opt needs npm's binaryen: (cd wasm && npm install)" >&2; exit 1; }
  echo "before wasm-opt: $(sizes "$1")"
  # The features rustc enables by default for wasm32-unknown-unknown.
  "$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$1"
}
# build_module OUT_DIR TARGET [cargo feature flags...]: the module, through
# wasm-bindgen, into OUT_DIR
build_module() {
  local out="$1" target="$2"
  shift 2
  cargo build --manifest-path "$root/Cargo.toml" -p atscore-wasm --lib \
    --target wasm32-unknown-unknown --profile "$profile" "$@" \
    --config "profile.$profile.inherits=\"release\"" \
    --config "profile.$profile.opt-level=\"z\"" \
    --config "profile.$profile.lto=true" \
    --config "profile.$profile.codegen-units=1" \
    --config "profile.$profile.panic=\"abort\""
  rm -rf "$out"
  wasm-bindgen --target "$target" --weak-refs --remove-name-section --remove-producers-section --out-dir "$out" "$wasm"
  optimize "$out/atscore_wasm_bg.wasm"
}

sizes() {
  local raw gz br
  raw="$(wc -c < "$1")"
  gz="$(gzip -9c "$1" | wc -c)"
  br="$(node -e 'const z = require("zlib"); const b = require("fs").readFileSync(process.argv[1]);
    process.stdout.write(String(z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length))' "$1" 2>/dev/null || echo "?")"
  echo "$raw bytes raw, $gz bytes gzip -9, $br bytes brotli -q 11"
}

rm -rf "$here/www/pkg"
# the page's first load: analysis and the role search only, no posting
# reader, no file reading, no role suggestions, and none of the calls the
# page does not make (feature `api`: the JSON variants, the one-shot calls)
build_module "$here/www/pkg/lean" web --no-default-features --features console_error_panic_hook
lean_sizes="$(sizes "$here/www/pkg/lean/atscore_wasm_bg.wasm")"
if $all; then
  build_module "$here/pkg/node" nodejs ${features[@]+"${features[@]}"}
  echo '{"type": "commonjs"}' > "$here/pkg/node/package.json"
  cp "$here/npm/package.json" "$here/npm/README.md" "$here/pkg/"
  cp "$root/LICENSE" "$here/pkg/" 2>/dev/null || true
fi
build_module "$here/pkg/web" web ${features[@]+"${features[@]}"}
echo '{"type": "module"}' > "$here/pkg/web/package.json"
# the page's full module: the package's own web build (with files unless --no-files)
mkdir -p "$here/www/pkg/full"
cp "$here/pkg/web/atscore_wasm.js" "$here/pkg/web/atscore_wasm_bg.wasm" "$here/www/pkg/full/"
# the posting reader's data and the role library, not in the module: loaded
# with loadPostingData only when a posting is read, with loadRoleLibrary only
# when the role search is used (so the page's first load stays small)
for d in "$here/pkg/data" "$here/www/pkg/data"; do
  mkdir -p "$d"
  cp "$root/core/data/lexicon.tsv" "$root/core/data/tagger.bin" "$root/core/data/common-words.txt" "$root/core/data/places.txt" \
    "$root/core/data/role-library.tsv" "$d/"
done

echo "page's first module, www/pkg/lean (analysis and role search): $lean_sizes"
echo "atscore_wasm_bg.wasm ($([[ ${#features[@]} -gt 0 ]] && echo "no files" || echo "with files")$([[ "$wasm_opt" == 1 ]] && echo ", wasm-opt -Oz")): $(sizes "$here/pkg/web/atscore_wasm_bg.wasm")"
