"""Report values built straight from core's serde output equal ``json.loads(report.to_json())``.

Equal here means strictly equal: the same types (``1`` is not ``1.0`` is not ``True``), the
same dict keys in the same order, the same float digits, ``None`` where JSON has ``null``
and absent keys where core skips a field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import atscore

from conftest import ORIGINAL_FILES, corpus_params

REPORT_GETTERS = (
    "offsets", "role", "score_breakdown", "must_have", "bonus", "overused", "keywords", "flags",
    "achievements", "document", "suggestions", "readability",
)


def assert_same(got: object, expected: object, where: str = "") -> None:
    """got == expected, with the same types, key order and float digits all the way down."""
    assert type(got) is type(expected), f"{where}: {type(got).__name__} is not {type(expected).__name__}"
    if isinstance(expected, dict):
        assert isinstance(got, dict)
        assert list(got) == list(expected), f"{where}: keys {list(got)} != {list(expected)}"
        for key, value in expected.items():
            assert_same(got[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(got, list)
        assert len(got) == len(expected), f"{where}: length {len(got)} != {len(expected)}"
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            assert_same(g, e, f"{where}[{i}]")
    elif isinstance(expected, float):
        assert repr(got) == repr(expected), f"{where}: {got!r} != {expected!r}"
    else:
        assert got == expected, f"{where}: {got!r} != {expected!r}"


def hits_of(d: dict[str, Any]) -> list[dict[str, Any]]:
    """Report.hits from the report's JSON: each keyword's hits with its term and tier first."""
    return [{"keyword": k["term"], "tier": k["tier"], **h} for k in d["keywords"] for h in k["hits"]]


def assert_report_matches_its_json(report: atscore.Report) -> dict[str, Any]:
    d = json.loads(report.to_json())
    assert_same(report.to_dict(), d, "to_dict()")
    for name in REPORT_GETTERS:
        assert_same(getattr(report, name), d[name], name)
    assert_same(report.file, d.get("file"), "file")
    assert_same(report.hits, hits_of(d), "hits")
    for k in d["keywords"][:: max(1, len(d["keywords"]) // 10)]:
        assert_same(report.keyword(k["term"]), k, f"keyword({k['term']!r})")
    return d


def walk(value: object) -> list[object]:
    """Every value of a JSON tree, containers included."""
    out = [value]
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in children:
        out.extend(walk(child))
    return out


def test_corpus_reports_equal_json_loads_of_their_json(corpus: list[tuple[Path, str]]) -> None:
    texts = [t for _, t in corpus]
    seen: list[object] = []
    for analyzer in (atscore.Analyzer("backend-developer"), atscore.Analyzer("data-scientist", fuzzy=False)):
        for (path, text), report in zip(corpus, analyzer.analyze_many(texts), strict=True):
            try:
                d = assert_report_matches_its_json(report)
            except AssertionError as e:
                raise AssertionError(f"{path}: {e}") from e
            if not text.isascii():
                seen.append("non-ascii")
            seen.extend(v for v in walk(d) if v is None or isinstance(v, float))
            seen.extend(f"hit:{key}" for h in hits_of(d) for key in ("variant", "via") if key in h)
            seen.extend(f"kind:{h['kind']}" for h in hits_of(d))
    # what the corpus exercised: non-ASCII text, floats, nulls, optional keys, every hit kind
    assert "non-ascii" in seen and None in seen and any(isinstance(v, float) for v in seen)
    assert {"hit:variant", "hit:via"} <= set(seen)
    assert {f"kind:{k}" for k in ("exact", "variant", "alias", "acronym", "fuzzy")} <= set(seen)


@pytest.mark.parametrize("path", corpus_params(ORIGINAL_FILES[::8]))
def test_file_reports_equal_json_loads_of_their_json(path: Path) -> None:
    report = atscore.analyze_file(path)
    d = assert_report_matches_its_json(report)
    assert d["file"] is not None and d["file"]["text"] == report.text


def test_options_equal_json_loads_of_their_json() -> None:
    analyzer = atscore.Analyzer(fuzzy=False, max_input_bytes=1000, weights={"bonus": 12.5, "context": 17.5})
    options_json = analyzer.__reduce__()[1][1]  # core's serde_json text of the options
    assert_same(analyzer.options, json.loads(options_json), "options")


def test_non_ascii_text_and_typos_in_one_report() -> None:
    text = "Zoë Núñez 🚀 — zoë@example.com\nEXPERIENCE\n- Déployé Kubernets et k8s; API REST en Go\nSKILLS\nSQL, PostgreSQL"
    report = atscore.analyze(text)
    assert_report_matches_its_json(report)
    kinds = {h["kind"] for h in report.hits}
    assert {"fuzzy", "alias"} <= kinds


def test_spans_are_the_hits_as_tuples(corpus: list[tuple[Path, str]]) -> None:
    analyzer = atscore.Analyzer("backend-developer")
    texts = [t for _, t in corpus]
    typos = 0
    for text, report in zip(texts, analyzer.analyze_many(texts), strict=True):
        hits = report.hits
        spans = report.spans()
        assert spans == [(h["keyword"], h["span"]["start"], h["span"]["end"]) for h in hits]
        assert all(type(s) is tuple and len(s) == 3 for s in spans)
        for (_, start, end), h in zip(spans, hits, strict=True):
            assert text[start:end] == h["text"]
        counted = report.spans(counted_only=True)
        assert counted == [s for s, h in zip(spans, hits, strict=True) if h["kind"] not in ("fuzzy", "related")]
        # counted_only keeps what core counts: per keyword, its `count`
        for k in report.keywords:
            assert sum(1 for term, _, _ in counted if term == k["term"]) == k["count"], k["term"]
        typos += len(spans) - len(counted)
    assert typos > 0  # the corpus has typo hits, so counted_only was tested


def test_spans_of_a_report_without_hits_and_keyword_only_argument() -> None:
    report = atscore.analyze("")
    assert report.spans() == [] and report.spans(counted_only=True) == []
    with pytest.raises(TypeError):
        report.spans(True)  # type: ignore[misc]


def test_repeated_getters_give_equal_fresh_objects() -> None:
    report = atscore.analyze("EXPERIENCE\n- Built REST APIs in Go\nSKILLS\nSQL, Docker")
    first = report.hits
    first[0]["keyword"] = "changed"
    first[0]["span"]["start"] = -1
    assert report.hits != first and report.hits == report.hits
    assert_same(report.hits, hits_of(json.loads(report.to_json())), "hits")
