"""Conformance driver for the Python package: one report JSON line per file.

Reads each file as bytes and decodes UTF-8 (no newline translation), analyzes
with the built-in role, and prints ``Report.to_json()`` (code-point offsets).
Also checks that analyzing the raw bytes, and the file through ``analyze_file``
(a text file is analyzed as text), gives the same JSON.

    python py_driver.py FILE...
"""

import sys

import atscore


def main() -> None:
    analyzer = atscore.Analyzer("backend-developer")
    out = sys.stdout
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        report_json = analyzer.analyze(text).to_json()
        from_bytes = analyzer.analyze(data).to_json()
        if from_bytes != report_json:
            sys.exit(f"py_driver: {path}: analyze(bytes) differs from analyze(str)")
        if analyzer.analyze_file(path).to_json() != report_json:
            sys.exit(f"py_driver: {path}: analyze_file(path) differs from analyze(str)")
        out.write(report_json)
        out.write("\n")


if __name__ == "__main__":
    main()
