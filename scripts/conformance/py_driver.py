"""Conformance driver for the Python package: one report JSON line per file.

Reads each file as bytes and decodes UTF-8 (no newline translation), analyzes
with the built-in role, and prints ``Report.to_json()`` (code-point offsets).
Also checks that analyzing the raw bytes, and the file through ``analyze_file``
(a text file is analyzed as text), gives the same JSON.

    python py_driver.py --text FILE...

With ``--files`` (PDF, DOCX or text files), prints ``analyze_file(path)``'s
JSON instead, after checking that ``analyze_bytes(data)`` gives the same.

    python py_driver.py --files FILE...
"""

import sys

import atscore


def main() -> None:
    analyzer = atscore.Analyzer("backend-developer")
    out = sys.stdout
    mode, paths = sys.argv[1], sys.argv[2:]
    if mode not in ("--text", "--files"):
        sys.exit(f"py_driver: the first argument is --text or --files, not {mode!r}")
    if mode == "--files":
        for path in paths:
            with open(path, "rb") as f:
                data = f.read()
            report_json = analyzer.analyze_file(path).to_json()
            if analyzer.analyze_bytes(data).to_json() != report_json:
                sys.exit(f"py_driver: {path}: analyze_bytes(data) differs from analyze_file(path)")
            out.write(report_json)
            out.write("\n")
        return
    for path in paths:
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
