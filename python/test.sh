#!/usr/bin/env bash
# Build the atscore Python package (abi3 wheel) and run every check of python/:
# clippy, the Rust unit tests, mypy.stubtest, pytest (API, real resumes, the notebook, the Dask example).
# Runnable from any directory; makes (or reuses) a venv at target/py-venv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
venv="$repo/target/py-venv"
py="${PYTHON:-python3}"

if ! compgen -G "$repo/../shared/corpus/resumes/*/text/*.txt" > /dev/null; then
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
    echo "!! CORPUS MISSING: $repo/../shared/corpus/resumes/*/text/*.txt not found" >&2
    echo "!! corpus tests, the notebook and the Dask example will be SKIPPED/FAIL" >&2
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
fi

echo "== venv: $venv"
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "maturin>=1.9,<2" pytest mypy pandas matplotlib \
    nbclient nbformat ipykernel "dask[distributed]"
export PYO3_PYTHON="$venv/bin/python"

echo "== clippy"
(cd "$repo" && cargo clippy -p atscore-py --all-targets -- -D warnings)

echo "== Rust unit tests (serde -> Python objects equal json.loads of serde_json's text)"
(cd "$repo" && cargo test -q -p atscore-py --lib)

echo "== CLI (for the byte-identical JSON test)"
(cd "$repo" && cargo build -q -p atscore-cli)

echo "== wheel"
rm -rf "$repo/target/wheels/atscore-"*.whl "$here/atscore/"_native*.so
(cd "$here" && "$venv/bin/maturin" build --release --target-dir "$repo/target/maturin" \
    --interpreter "$venv/bin/python" -o "$repo/target/wheels")
"$venv/bin/python" -m pip install -q --force-reinstall --no-deps "$repo/target/wheels/"atscore-*-cp311-abi3-*.whl

echo "== stubtest"
(cd "$(mktemp -d)" && "$venv/bin/python" -m mypy.stubtest --allowlist "$here/stubtest-allowlist.txt" atscore)

echo "== pytest"
cd "$here"
# -P: do not put python/ on sys.path, so the tests import the installed wheel
"$venv/bin/python" -P -m pytest -p no:cacheprovider "$@"
