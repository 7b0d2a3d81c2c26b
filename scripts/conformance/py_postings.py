"""Conformance driver for the Python package: the role each job posting file
asks for, ``atscore.extract(Path(file)).to_json()``, one file per posting in
OUT_DIR (``N.json``), or ``error`` when the posting is refused.

    python py_postings.py OUT_DIR POSTING...

With ``--reports``, the report (code-point offsets) of each RESUME file
against the POSTING file after it, ``atscore.analyze_file(resume,
jd=Path(posting)).to_json()``: ``N.json`` per pair.

    python py_postings.py --reports OUT_DIR RESUME POSTING [RESUME POSTING]...
"""

import os
import sys
import warnings
from pathlib import Path

import atscore


def main() -> None:
    args = sys.argv[1:]
    reports = args[0] == "--reports"
    if reports:
        args = args[1:]
    out, paths = args[0], args[1:]
    # the reader's warnings ("this looks like a resume") are not the role
    warnings.simplefilter("ignore", atscore.PostingWarning)
    if reports:
        jobs = [(paths[i], paths[i + 1]) for i in range(0, len(paths), 2)]
    else:
        jobs = [(None, p) for p in paths]
    for i, (resume, posting) in enumerate(jobs):
        try:
            if resume is None:
                json = atscore.extract(Path(posting)).to_json()
            else:
                json = atscore.analyze_file(resume, jd=Path(posting)).to_json()
        except atscore.AtscoreError:
            json = "error"
        with open(os.path.join(out, f"{i}.json"), "w", encoding="utf-8", newline="") as f:
            f.write(json.rstrip())


if __name__ == "__main__":
    main()
