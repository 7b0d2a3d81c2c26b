"""Time of analyzing the corpus and turning the reports into Python objects.

    target/py-venv/bin/python -P python/bench/convert.py [--repeat 7]

Run from the checkout root (the corpus is ../shared/corpus beside it) with the
installed wheel. Each row is the median wall time of --repeat runs over every
resume of the corpus (one Analyzer, compiled once):

  analyze_many           reports only (no conversion)
  analyze_many+to_dict   the same, then report.to_dict() of each
  analyze+to_dict        Analyzer.analyze(text).to_dict(), one resume at a time
  getters                keywords, hits, readability, suggestions of each report
  json.loads(to_json())  the reference the conversion must equal, for scale
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import atscore

CORPUS = Path("..") / "shared" / "corpus"


def median_time(f: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
        gc.enable()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    texts = [p.read_bytes().decode("utf-8") for p in sorted(CORPUS.glob("resumes/*/text/*.txt"))]
    if not texts:
        raise SystemExit(f"no resumes under {CORPUS.resolve()}/resumes/*/text/")
    analyzer = atscore.Analyzer("backend-developer")
    reports = analyzer.analyze_many(texts)

    def getters() -> None:
        for r in reports:
            r.keywords, r.hits, r.readability, r.suggestions

    rows: list[tuple[str, Callable[[], object]]] = [
        ("analyze_many", lambda: analyzer.analyze_many(texts)),
        ("analyze_many+to_dict", lambda: [r.to_dict() for r in analyzer.analyze_many(texts)]),
        ("analyze+to_dict", lambda: [analyzer.analyze(t).to_dict() for t in texts]),
        ("to_dict", lambda: [r.to_dict() for r in reports]),
        ("getters", getters),
        ("json.loads(to_json())", lambda: [json.loads(r.to_json()) for r in reports]),
    ]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(texts)} resumes, {mb:.2f} MB, median of {args.repeat}")
    for name, f in rows:
        s = median_time(f, args.repeat)
        print(f"{name:24} {s * 1e3:9.1f} ms")


if __name__ == "__main__":
    main()
