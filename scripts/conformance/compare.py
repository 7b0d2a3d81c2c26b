"""Compare report JSON lines from several front ends, byte for byte.

    python compare.py FILE_LIST REF_LABEL=REF_OUT LABEL=OUT...

FILE_LIST names the analyzed files, one per line, in the order of the lines
of every OUT. On any difference, prints the file, the front ends, and the
first differing JSON path with both values; exits 1.
"""

import json
import sys


def first_diff(a, b, path="$"):
    """The first JSON path where a and b differ, with both values, or None."""
    if type(a) is not type(b):
        return path, a, b
    if isinstance(a, dict):
        for k in list(a.keys()) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f"{path}.{k}", a.get(k, "<absent>"), b.get(k, "<absent>")
            d = first_diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        if list(a.keys()) != list(b.keys()):
            return f"{path} (key order)", list(a.keys()), list(b.keys())
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path} (length)", len(a), len(b)
        return None
    return None if a == b else (path, a, b)


def read_lines(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8").split("\n")[:-1]


def main() -> int:
    files = read_lines(sys.argv[1])
    outs = []
    for arg in sys.argv[2:]:
        label, _, path = arg.partition("=")
        lines = read_lines(path)
        if len(lines) != len(files):
            print(f"FAIL {label}: {len(lines)} reports for {len(files)} files")
            return 1
        outs.append((label, lines))
    ref_label, ref = outs[0]
    failures = 0
    for label, lines in outs[1:]:
        for f, want, got in zip(files, ref, lines):
            if want == got:
                continue
            failures += 1
            if failures <= 10:
                d = first_diff(json.loads(want), json.loads(got))
                print(f"FAIL {f}: {label} differs from {ref_label}")
                if d:
                    path, x, y = d
                    print(f"  first difference at {path}:\n    {ref_label}: {x!r}\n    {label}: {y!r}")
                else:
                    print("  same JSON data, different bytes (formatting or number rendering)")
    if failures:
        print(f"{failures} differing reports")
        return 1
    print(f"ok: {len(files)} files identical across {', '.join(l for l, _ in outs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
