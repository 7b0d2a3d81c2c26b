"""atscore as a contestant of shared/bench/peers.py.

    python ../shared/bench/peers.py --contestant python/bench/peers_adapter.py:make=atscore

``make(keywords)`` builds a custom role whose bonus keywords are the peers'
list (each term as written, with the lexicon's aliases and acronyms), compiled
once with typo finding and vague phrases off. ``find(doc)`` returns
``(keyword, start, end)`` in code points for every counted hit (typos
excluded, and related words: ``Report.spans(counted_only=True)``); ``find.batch`` scores the
whole list with ``analyze_many``.
Keywords the role validation rejects (for instance a duplicate of another
keyword's normalized form) are left out and listed on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any

import atscore

Hit = tuple[str, int, int]


def _role(keywords: list[str]) -> atscore.Role:
    kept = list(dict.fromkeys(keywords))
    dropped: list[str] = []
    while True:
        try:
            return atscore.Role.from_dict({"name": "peers", "bonus": kept})
        except atscore.RoleError as err:  # names the keyword at fault
            if err.keyword is None or err.keyword not in kept:
                raise
            kept.remove(err.keyword)
            dropped.append(err.keyword)
            print(f"peers_adapter: left out {err.keyword!r}: {err.reason}", file=sys.stderr)


def make(keywords: list[str]) -> Callable[[str], list[Hit]]:
    analyzer = atscore.Analyzer(_role(keywords), fuzzy=False, vague_phrases=False)

    def find(doc: str) -> list[Hit]:
        return analyzer.analyze(doc).spans(counted_only=True)

    def batch(docs: Iterable[str]) -> list[list[Hit]]:
        return [r.spans(counted_only=True) for r in analyzer.analyze_many(docs)]

    f: Any = find
    f.batch = batch
    return f
