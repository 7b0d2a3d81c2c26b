#!/usr/bin/env bash
# Cross-front-end conformance: the same resumes (every corpus resume plus the
# fixtures in scripts/conformance/fixtures: emoji, accents, a BOM, CRLF,
# <script>, NUL, an empty file) through the Rust library, the CLI, the Python
# package and the WASM Node build must give byte-identical report JSON for
# the same offset units:
#   utf8        library = CLI = WASM
#   utf16       library = CLI = WASM
#   code_point  library = CLI = WASM = Python
# Then the same for every corpus PDF and DOCX (resumes/*/original/), each
# front end reading the file itself: the library's Matcher::analyze_file
# (wasm/examples/native_json --files), `atscore analyze FILE` (kind told by
# content), the WASM `analyzeBytesJson(bytes)` and Python's
# `Analyzer.analyze_file(path)` (which must equal `analyze_bytes(data)`);
# spans point into the extracted text.
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

echo "== build the library drivers and the CLI (debug)"
cargo build -q --manifest-path "$root/Cargo.toml" -p atscore --example report_json
cargo build -q --manifest-path "$root/Cargo.toml" -p atscore-wasm --example native_json
cargo build -q --manifest-path "$root/Cargo.toml" -p atscore-cli
lib="$root/target/debug/examples/report_json"
lib_files="$root/target/debug/examples/native_json"
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

# run_set LIST MODE: every front end on the files of LIST, in every unit.
# MODE is "text" (the drivers read UTF-8 text) or "files" (they read bytes).
run_set() {
  local list="$1" mode="$2"
  local -a set
  mapfile -t set < "$list"
  for units in utf8 utf16 code_point; do
    cli_units="${units/code_point/codepoint}"
    echo "== $mode, offsets: $units"
    if [ "$mode" = files ]; then
      "$lib_files" --files --offsets "$units" "${set[@]}" > "$work/lib.$units"
    else
      "$lib" --offsets "$units" "${set[@]}" > "$work/lib.$units"
    fi
    : > "$work/cli.$units"
    for f in "${set[@]}"; do
      "$cli" analyze "$f" --format json --offsets "$cli_units" >> "$work/cli.$units"
      # one line per report, whether or not the CLI ends its output with a newline
      [ -z "$(tail -c1 "$work/cli.$units")" ] || echo >> "$work/cli.$units"
    done
    node "$conf/node_driver.cjs" "$pkg" "$units" "$mode" "${set[@]}" > "$work/wasm.$units"
    outs=("library=$work/lib.$units" "cli=$work/cli.$units" "wasm=$work/wasm.$units")
    if [ "$units" = code_point ]; then
      "$venv_py" "$conf/py_driver.py" "--$mode" "${set[@]}" > "$work/python.$units"
      outs+=("python=$work/python.$units")
    fi
    python3 "$conf/compare.py" "$list" "${outs[@]}"
  done
}

run_set "$work/files" text

if [ -d "$corpus" ]; then
  find "$corpus" -path '*/original/*' -type f \( -iname '*.pdf' -o -iname '*.docx' \) | LC_ALL=C sort > "$work/binary"
  echo "== $(wc -l < "$work/binary") corpus PDF and DOCX files"
  [ "$(wc -l < "$work/binary")" -ge 60 ] || die "too few corpus PDF/DOCX files"
  grep -qi '\.pdf$' "$work/binary" && grep -qi '\.docx$' "$work/binary" || die "the corpus has no PDF or no DOCX"
  # the library must read every one: an error line is no report to compare
  if "$lib_files" --files "$(head -1 "$work/binary")" | grep -q '^{"error"'; then
    die "the library cannot read $(head -1 "$work/binary")"
  fi
  run_set "$work/binary" files
else
  echo "WARNING: corpus not found at $corpus: no PDF/DOCX conformance" >&2
fi
# Job postings: the role each asks for (keywords, groups, tiers, evidence,
# requirements) from the library (`posting::read_bytes`), `atscore extract
# --format json`, Python's `atscore.extract(path)` and WASM's
# `extractJson(bytes)` must be the same bytes: every posting of the corpus
# (text, and the DOCX originals), the labeled non-tech postings, the fixtures.
jobs="$root/../shared/corpus/jobs"
{
  if [ -d "$jobs" ]; then
    find "$jobs" -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.pdf' \) ! -name 'README*' ! -name 'LICENSE*' | LC_ALL=C sort
  fi
  find "$root/core/tests/data/postings/nontech/texts" -name '*.txt' -type f | LC_ALL=C sort
  printf '%s\n' "$conf/fixtures"/*
} > "$work/postings"
mapfile -t postings < "$work/postings"
echo "== ${#postings[@]} job postings: extracted roles"
[ "${#postings[@]}" -ge 10 ] || die "too few postings"
if [ -d "$jobs" ]; then
  [ "${#postings[@]}" -ge 280 ] || die "only ${#postings[@]} postings: is the corpus complete?"
fi
cargo build -q --manifest-path "$root/Cargo.toml" -p atscore --example posting_json
# the CLI reads the lexicon once per run: the release build keeps 300 runs short
cargo build -q --release --manifest-path "$root/Cargo.toml" -p atscore-cli
cli_release="$root/target/release/atscore"
for fe in library cli python wasm; do mkdir -p "$work/roles.$fe"; done
"$root/target/debug/examples/posting_json" "$work/roles.library" "${postings[@]}"
for i in "${!postings[@]}"; do
  if out="$("$cli_release" extract "${postings[$i]}" --format json 2>/dev/null)"; then
    printf '%s' "$out" > "$work/roles.cli/$i.json"
  else
    printf 'error' > "$work/roles.cli/$i.json"
  fi
done
"$venv_py" "$conf/py_postings.py" "$work/roles.python" "${postings[@]}"
node "$conf/node_postings.cjs" "$pkg" "$work/roles.wasm" "${postings[@]}"
# same_outputs REF FE COUNT WHAT...: $work/FE/N.json is $work/REF/N.json for
# every N < COUNT, else die naming WHAT (N replaced by the N-th of WHAT...)
same_outputs() {
  local ref="$1" fe="$2" count="$3" i
  shift 3
  for (( i = 0; i < count; i++ )); do
    cmp -s "$work/$ref/$i.json" "$work/$fe/$i.json" \
      || die "$fe differs from $ref for $(eval "echo $*") (diff $work/$ref/$i.json $work/$fe/$i.json)"
  done
}
# ok_outputs DIR: how many of its outputs are not "error" (grep -L fails
# when no file has an error line: hence `|| true`)
ok_outputs() { { grep -L '^error$' "$work/$1"/*.json || true; } | wc -l; }
for fe in cli python wasm; do
  same_outputs roles.library "roles.$fe" "${#postings[@]}" '${postings[$i]}'
done
n_ok="$(ok_outputs roles.library)"
[ "$n_ok" -ge 10 ] || die "only $n_ok postings gave a role"
echo "== extracted roles: library = CLI = Python = WASM for ${#postings[@]} postings ($n_ok roles)"

# Resumes against postings: the report of a resume file (text, PDF, DOCX)
# against a posting file, in each front end's offsets: library and CLI in
# UTF-8, CLI --offsets code_point and Python, CLI --offsets utf16 and WASM.
if [ -d "$jobs" ]; then
  pairs=()
  mapfile -t sample_postings < <(find "$jobs/resume-matcher-samples/text" "$jobs/resume-matcher-2020/original" -type f \( -name '*.txt' -o -name '*.docx' \) | LC_ALL=C sort | awk 'NR % 3 == 1')
  mapfile -t sample_resumes < <({ grep -i '\.pdf$' "$work/binary" | head -2; grep -i '\.docx$' "$work/binary" | head -2; find "$corpus" -path '*/text/*.txt' | LC_ALL=C sort | awk 'NR % 60 == 1'; } )
  for r in "${sample_resumes[@]}"; do
    for p in "${sample_postings[@]:0:4}"; do pairs+=("$r" "$p"); done
  done
  n_pairs=$(( ${#pairs[@]} / 2 ))
  echo "== $n_pairs resume-posting pairs: reports"
  [ "$n_pairs" -ge 12 ] || die "too few resume-posting pairs"
  for fe in library cli cli16 clicp python wasm; do mkdir -p "$work/pairs.$fe"; done
  "$root/target/debug/examples/posting_json" --reports "$work/pairs.library" "${pairs[@]}"
  for (( i = 0; i < n_pairs; i++ )); do
    r="${pairs[$((2 * i))]}" p="${pairs[$((2 * i + 1))]}"
    for units in utf8 utf16 codepoint; do
      dir=cli; [ "$units" = utf16 ] && dir=cli16; [ "$units" = codepoint ] && dir=clicp
      if out="$("$cli_release" analyze "$r" --jd "$p" --format json --offsets "$units" 2>/dev/null)"; then
        printf '%s' "$out" > "$work/pairs.$dir/$i.json"
      else
        printf 'error' > "$work/pairs.$dir/$i.json"
      fi
    done
  done
  "$venv_py" "$conf/py_postings.py" --reports "$work/pairs.python" "${pairs[@]}"
  node "$conf/node_postings.cjs" --reports "$pkg" "$work/pairs.wasm" "${pairs[@]}"
  for pair in library:cli python:clicp wasm:cli16; do
    same_outputs "pairs.${pair##*:}" "pairs.${pair%%:*}" "$n_pairs" \
      'the report of ${pairs[$((2 * i))]} against ${pairs[$((2 * i + 1))]}'
  done
  n_reports="$(ok_outputs pairs.library)"
  [ "$n_reports" -ge 12 ] || die "only $n_reports resume-posting pairs gave a report"
  echo "== resume vs posting: library = CLI = Python = WASM for $n_pairs pairs ($n_reports reports)"
fi
echo "== conformance: all front ends agree"
