"""Conformance driver for the Python package: the role each job posting asks
for, ``Role.from_job_description(text).to_json()``, one file per posting in
OUT_DIR (``N.json``), or ``error`` when the posting is refused.

    python py_postings.py OUT_DIR POSTING...
"""

import os
import sys

import atscore


def main() -> None:
    out, paths = sys.argv[1], sys.argv[2:]
    for i, path in enumerate(paths):
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
        try:
            json = atscore.Role.from_job_description(text).to_json()
        except atscore.AtscoreError:
            json = "error"
        with open(os.path.join(out, f"{i}.json"), "w", encoding="utf-8", newline="") as f:
            f.write(json.rstrip())


if __name__ == "__main__":
    main()
