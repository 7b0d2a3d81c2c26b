"""Reports on real resumes: spans in code points, JSON identical to core's, typed shapes."""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import atscore
from atscore import types

from conftest import RESUME_FILES, SAMPLE, check_shape, cli_binary, corpus_params


@pytest.mark.parametrize("path", corpus_params(SAMPLE))
def test_every_span_slices_the_text_in_code_points(path: Path, analyzer: atscore.Analyzer) -> None:
    text = path.read_bytes().decode("utf-8")
    report = analyzer.analyze(text)
    assert report.offsets == "code_point"
    assert report.text == text
    for hit in report.hits:
        s = hit["span"]
        assert text[s["start"] : s["end"]] == hit["text"], hit
    for flag in report.flags:
        if "span" in flag:
            s = flag["span"]
            assert text[s["start"] : s["end"]].casefold() == flag["text"].casefold() or flag["kind"] not in (
                "vague",
                "weak_verb",
            ), flag


def test_offsets_count_code_points_not_bytes_or_utf16() -> None:
    text = "🚀 Résumé — naïve café\nSkills: SQL, Kubernetes, PostgreSQL"
    report = atscore.analyze(text)
    sql = report.keyword("SQL")
    assert sql is not None and sql["found"]
    span = sql["hits"][0]["span"]
    assert text[span["start"] : span["end"]] == "SQL"
    assert span["start"] == text.index("SQL")  # a UTF-8 or UTF-16 offset would be larger
    assert len(text[: span["start"]].encode()) > span["start"]


@pytest.mark.parametrize("path", corpus_params(SAMPLE))
def test_to_json_is_to_dict(path: Path, analyzer: atscore.Analyzer) -> None:
    report = analyzer.analyze(path.read_bytes().decode("utf-8"))
    raw = report.to_json()
    assert raw.startswith('{"schema_version":')
    assert json.loads(raw) == report.to_dict()
    assert "\n" not in raw  # compact, canonical


@pytest.mark.parametrize("path", corpus_params(RESUME_FILES[3::40]))
def test_json_bytes_equal_the_cli_with_codepoint_offsets(path: Path, analyzer: atscore.Analyzer) -> None:
    cli = cli_binary()
    if cli is None:
        pytest.skip("atscore CLI not built (cargo build -p atscore-cli); python/test.sh builds it")
    out = subprocess.run(
        [str(cli), "analyze", str(path), "--format", "json", "--offsets", "codepoint"],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    assert out.stdout.rstrip(b"\n") == analyzer.analyze(path.read_bytes().decode("utf-8")).to_json().encode()


def test_analyze_many_equals_analyze_one_by_one(corpus: list[tuple[Path, str]], analyzer: atscore.Analyzer) -> None:
    texts = [t for _, t in corpus]
    many = analyzer.analyze_many(texts)
    assert len(many) == len(texts)
    for (path, text), report in zip(corpus, many, strict=True):
        assert report.text == text
        assert report.to_json() == analyzer.analyze(text).to_json(), path


def test_analyze_many_takes_any_iterable_and_bytes(corpus: list[tuple[Path, str]], analyzer: atscore.Analyzer) -> None:
    texts = [t for _, t in corpus[:6]]
    from_gen = analyzer.analyze_many(t.encode() for t in texts)
    assert [r.to_json() for r in from_gen] == [analyzer.analyze(t).to_json() for t in texts]
    assert analyzer.analyze_many([]) == []


def test_threads_share_one_analyzer(corpus: list[tuple[Path, str]], analyzer: atscore.Analyzer) -> None:
    texts = [t for _, t in corpus[:20]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: analyzer.analyze(t).to_json(), texts))
    assert threaded == [analyzer.analyze(t).to_json() for t in texts]


def test_bytes_are_decoded_as_utf8(corpus: list[tuple[Path, str]], analyzer: atscore.Analyzer) -> None:
    path, text = next((p, t) for p, t in corpus if not t.isascii())
    assert analyzer.analyze(path.read_bytes()).to_json() == analyzer.analyze(text).to_json()
    assert analyzer.analyze(bytearray(path.read_bytes())).text == text


def test_report_attributes_agree_with_the_dict(corpus: list[tuple[Path, str]], analyzer: atscore.Analyzer) -> None:
    best = max(analyzer.analyze_many([t for _, t in corpus]), key=lambda r: r.score)
    d = best.to_dict()
    assert 0 < best.score <= 100 and best.score == d["score"]
    for name in ("score_breakdown", "must_have", "bonus", "overused", "keywords", "flags",
                 "achievements", "document", "suggestions", "role"):
        assert getattr(best, name) == d[name], name
    assert best.missing == [k["term"] for k in d["keywords"] if k["tier"] == "must_have" and not k["found"]]
    assert best.missing_bonus == [k["term"] for k in d["keywords"] if k["tier"] == "bonus" and not k["found"]]
    assert d["must_have"]["found"] == d["must_have"]["total"] - len(best.missing)
    assert len(best.hits) == sum(len(k["hits"]) for k in d["keywords"])
    found = next(k for k in d["keywords"] if k["found"])
    assert best.keyword(found["term"]) == found
    assert best.keyword("no such keyword") is None
    assert repr(best).startswith(f"<Report score={best.score}/100")


def test_typed_shapes_match_the_core_output(corpus: list[tuple[Path, str]], analyzer: atscore.Analyzer) -> None:
    for report in analyzer.analyze_many([t for _, t in corpus[::10]]):
        check_shape(report.to_dict(), types.ReportDict, "report")
        for i, hit in enumerate(report.hits):
            check_shape(hit, types.Hit, f"hits[{i}]")
    check_shape(analyzer.options, types.OptionsDict, "options")


def test_repr_html_shows_score_missing_and_escaped_highlighted_resume() -> None:
    text = "Jo <script>alert('x')</script>\nEXPERIENCE\n- Built REST APIs in Go & SQL; team player\n"
    report = atscore.analyze(text)
    html = report._repr_html_()
    assert f"{report.score}/100" in html
    assert report.missing and all(term.replace("&", "&amp;") in html for term in report.missing)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark" in html and "Go &amp; SQL" not in html.replace("<mark", "")  # SQL is highlighted
    assert html == report.to_html()
