"""The role library through the Python API: finding roles by job title (``atscore.roles(search=...)``),
roles given by title (``role="accountant"``), and the roles a real resume fits (``atscore.suggest_roles``)."""

from __future__ import annotations

import doctest
import json
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import atscore
from atscore import FileError, RoleError
from atscore.types import RoleFitDict, RoleHitDict

from conftest import check_shape, cli_binary, corpus_file, read

# Real resumes of the corpus, by what their authors do.
CIVIL = "resumes/kaggle-updated-resume-dataset/text/059-civil-engineer.txt"
ELECTRICAL = "resumes/kaggle-updated-resume-dataset/text/097-electrical-engineering.txt"
SALES = "resumes/kaggle-updated-resume-dataset/text/048-sales.txt"
FITNESS = "resumes/kaggle-updated-resume-dataset/text/052-health-and-fitness.txt"
DOCX = "resumes/resume-matcher-2020/original/abhay_raj_dwivedi.docx"
PDF = "resumes/resume-matcher-samples/original/john_doe.pdf"


def cli_or_skip() -> Path:
    cli = cli_binary()
    if cli is None:
        pytest.skip("atscore CLI not built (cargo build -p atscore-cli); python/test.sh builds it")
    return cli


def cli_json(*args: str) -> bytes:
    out = subprocess.run([str(cli_or_skip()), *args], capture_output=True, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout.rstrip(b"\n")


# --- roles(search=...): finding a role by job title -------------------------------------------


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("registered nurse", "registered-nurses"),
        ("registred nurse", "registered-nurses"),  # a typo
        ("Registered Nurses", "registered-nurses"),  # letter case, plural
        ("accountant", "accountant"),
        ("RN", "registered-nurses"),  # an alternate title
        ("backend engineer", "backend-developer"),  # a hand-kept role
    ],
)
def test_a_job_title_finds_its_role_first(query: str, name: str) -> None:
    hits = atscore.roles(search=query, limit=5)
    assert 1 <= len(hits) <= 5
    assert hits[0].name == name, hits
    # best first, each a role that loads under its name with its title
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for h in hits:
        assert 0 < h.score <= 1
        role = h.role()
        assert (role.name, role.title) == (h.name, h.title)
        assert role == atscore.Role.builtin(h.name)


def test_a_hit_says_where_the_role_comes_from_and_which_title_matched() -> None:
    nurse = atscore.roles(search="registered nurse", limit=1)[0]
    assert (nurse.title, nurse.source, nurse.code, nurse.matched, nurse.score) == (
        "Registered Nurses", "onet", "29-1141.00", None, 1.0,
    )
    assert any("29-1141.00" in s for s in nurse.role().sources)
    # "RN" is an alternate title of Registered Nurses: the hit says so
    rn = atscore.roles(search="RN", limit=1)[0]
    assert rn.matched is not None and "RN" in rn.matched.split()
    # ESCO occupations have their identifier as code; hand-kept roles say so
    accountant = atscore.roles(search="accountant", limit=1)[0]
    assert accountant.source == "esco" and len(accountant.code) == 36
    assert any(accountant.code in s for s in accountant.role().sources)
    backend = atscore.roles(search="backend developer", limit=1)[0]
    assert (backend.name, backend.source, backend.code) == ("backend-developer", "hand-kept", "")


def test_a_misspelt_word_scores_below_the_title_as_written() -> None:
    exact = atscore.roles(search="registered nurse", limit=1)[0]
    typo = atscore.roles(search="registred nurse", limit=1)[0]
    assert exact.name == typo.name and typo.score < exact.score


def test_an_empty_search_gives_the_most_common_roles_and_nothing_matches_gibberish() -> None:
    common = atscore.roles(search="", limit=5)
    assert common[0].name == "registered-nurses"
    assert [h.name for h in common] == [h.name for h in atscore.roles(search="   ", limit=5)]
    assert all(h.score == 0 and h.matched is None for h in common)
    assert atscore.roles(search="qqxzv wwjk") == []
    assert atscore.roles(search="registered nurse", limit=0) == []


def test_the_default_limit_is_the_clis() -> None:
    assert len(atscore.roles(search="engineer")) == 20
    assert atscore.roles(search="engineer") == atscore.roles(search="engineer", limit=20)


def test_without_arguments_roles_are_the_hand_kept_names_and_all_lists_the_library() -> None:
    names = atscore.roles()
    assert names[0] == atscore.DEFAULT_ROLE and len(names) == 7
    every = atscore.roles(all=True)
    assert len(every) > 3800
    assert [h.name for h in every[: len(names)]] == names  # the hand-kept ones first
    assert len({h.name for h in every}) == len(every)
    assert every[:10] == atscore.roles(all=True, limit=10)
    by_name = {h.name: h for h in every}
    assert by_name["registered-nurses"].title == "Registered Nurses"
    assert by_name["accountant"].source == "esco"


def test_every_library_role_loads_under_its_name() -> None:
    for hit in atscore.roles(all=True):
        role = atscore.Role.builtin(hit.name)
        assert (role.name, role.title) == (hit.name, hit.title)
        assert role.must_have or role.bonus, hit.name


def test_a_library_role_name_given_as_role_is_that_role() -> None:
    shadowed = [h.name for h in atscore.roles(all=True) if atscore.Analyzer(h.name).role.name != h.name]
    assert shadowed == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"limit": 5}, TypeError, "limit= goes with search="),
        ({"search": "nurse", "all": True}, TypeError, "not both"),
        ({"search": "nurse", "limit": -1}, ValueError, "0 or more"),
        ({"search": 3}, TypeError, "search"),
    ],
    ids=["limit-alone", "search-and-all", "negative-limit", "not-a-str"],
)
def test_bad_roles_arguments_are_refused(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        atscore.roles(**kwargs)  # type: ignore[call-overload]


# --- the same bytes as the CLI ----------------------------------------------------------------


def search_args(query: str, limit: int | None) -> list[str]:
    return ["roles", "--search", query, "--format", "json"] + (["-n", str(limit)] if limit is not None else [])


@pytest.mark.parametrize(
    ("query", "limit"),
    [
        ("registered nurse", 5),
        ("registred nurse", 3),
        ("accountant", 3),
        ("chef", 1),
        ("teacher", 10),
        ("data scientist", None),
        ("nurse practitioner assistant", 5),
        ("", 12),
        ("qqxzv", 5),
    ],
)
def test_search_json_bytes_equal_the_cli(query: str, limit: int | None) -> None:
    hits = atscore.roles(search=query, limit=limit)
    assert atscore.roles_to_json(hits).encode() == cli_json(*search_args(query, limit))


# Searches where two titles of a role match equally well ("RN" and "OR RN" of Registered Nurses).
TIED = [("accountant", 20), ("RN", 10), ("software engineer", 7)]


def test_a_search_gives_the_same_bytes_in_every_process() -> None:
    script = "import sys, atscore; print(atscore.roles_to_json(atscore.roles(search=sys.argv[1], limit=int(sys.argv[2]))))"
    for query, limit in TIED:
        runs = {
            subprocess.run(
                [sys.executable, "-P", "-c", script, query, str(limit)], capture_output=True, check=True, text=True
            ).stdout
            for _ in range(6)
        }
        assert len(runs) == 1, (query, runs)


@pytest.mark.parametrize("limit", [None, 25])
def test_every_role_json_bytes_equal_the_cli(limit: int | None) -> None:
    args = ["roles", "--all", "--format", "json"] + (["-n", str(limit)] if limit is not None else [])
    assert atscore.roles_to_json(atscore.roles(all=True, limit=limit)).encode() == cli_json(*args)


def test_hits_as_dicts_and_json() -> None:
    hits = atscore.roles(search="registered nurse", limit=5)
    assert any(h.matched is not None for h in hits) and any(h.matched is None for h in hits)
    raw = atscore.roles_to_json(hits)
    assert json.loads(raw) == [h.to_dict() for h in hits]
    assert raw == "[" + ",".join(h.to_json() for h in hits) + "]"
    for h in hits:
        check_shape(h.to_dict(), RoleHitDict, h.name)
        assert ("matched" in h.to_dict()) == (h.matched is not None)
    # any iterable of hits; nothing else
    assert atscore.roles_to_json(iter(hits)) == raw and atscore.roles_to_json([]) == "[]"
    with pytest.raises(TypeError, match="RoleHit"):
        atscore.roles_to_json([hits[0], "registered-nurses"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not str"):
        atscore.roles_to_json("registered-nurses")  # type: ignore[arg-type]


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_hits_compare_by_value_and_pickle(protocol: int) -> None:
    hits = atscore.roles(search="registered nurse", limit=3)
    assert hits == atscore.roles(search="registered nurse", limit=3)
    assert hits[0] != hits[1]
    back = pickle.loads(pickle.dumps(hits, protocol))
    assert back == hits and atscore.roles_to_json(back) == atscore.roles_to_json(hits)
    assert repr(hits[1]).startswith('RoleHit(name="nurse-midwives", title="Nurse Midwives", source="onet", matched=')


# --- role= takes a library role's name or a job title -----------------------------------------


def test_analyze_with_a_job_title_uses_the_library_role() -> None:
    text = read(corpus_file(SALES))
    report = atscore.analyze(text, role="accountant")
    assert report.role == {"name": "accountant", "title": "Accountant"}
    accountant = atscore.Role.builtin("accountant")
    assert [k["term"] for k in report.keywords] == [k["term"] for k in accountant.keywords]
    assert report.to_json() == atscore.analyze(text, accountant).to_json()
    nurse = atscore.Analyzer(role="registered nurse")
    assert nurse.role == atscore.Role.builtin("registered-nurses")
    assert atscore.Analyzer("Registered Nurses").role == nurse.role
    # a title only the library has
    assert atscore.Analyzer("astronaut").role.name == "astronaut"


def test_analyze_with_a_library_role_equals_the_cli() -> None:
    path = corpus_file(SALES)
    out = subprocess.run(
        [str(cli_or_skip()), "analyze", str(path), "--role", "accountant", "--format", "json", "--offsets", "codepoint"],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    assert out.stdout.rstrip(b"\n") == atscore.analyze(read(path), "accountant").to_json().encode()


# --- suggest_roles: the roles a real resume fits ----------------------------------------------


@pytest.mark.parametrize(
    ("relative", "word"),
    [(CIVIL, "civil"), (ELECTRICAL, "electrical"), (SALES, "sales")],
    ids=["civil-engineer", "electrical-engineer", "sales"],
)
def test_a_resume_fits_roles_of_its_trade(relative: str, word: str) -> None:
    text = read(corpus_file(relative))
    fits = atscore.suggest_roles(text, limit=3)
    assert len(fits) == 3
    assert any(word in f.name for f in fits), fits
    assert [f.fit for f in fits] == sorted((f.fit for f in fits), reverse=True)
    assert all(f.fit > 0 for f in fits)


@pytest.mark.parametrize("relative", [CIVIL, ELECTRICAL, SALES, FITNESS], ids=["civil", "electrical", "sales", "fitness"])
def test_found_keywords_are_in_the_resume(relative: str) -> None:
    text = read(corpus_file(relative))
    fits = atscore.suggest_roles(text, limit=5)
    assert fits and any(f.found for f in fits)
    for fit in fits:
        role = fit.role()
        assert (role.name, role.title) == (fit.name, fit.title)
        # found: the role's keywords (letter case aside: see the report) the resume has
        keywords = {k.casefold(): k for k in role.must_have + role.bonus}
        report = atscore.analyze(text, role)
        by_term = {k["term"]: k for k in report.keywords}
        for term in fit.found:
            assert term.casefold() in keywords, (fit.name, term)
            result = by_term[keywords[term.casefold()]]
            counted = [h for h in result["hits"] if h["kind"] not in ("fuzzy", "related")]
            assert counted, (fit.name, term, result)
            for hit in counted:
                assert text[hit["span"]["start"] : hit["span"]["end"]] == hit["text"]


def test_suggest_roles_reads_files_as_analyze_file_does() -> None:
    for relative in (DOCX, PDF):
        path = corpus_file(relative)
        text = atscore.analyze_file(path).text
        fits = atscore.suggest_roles(path)
        assert fits, relative
        assert fits == atscore.suggest_roles(text)
        assert fits == atscore.suggest_roles(path.read_bytes())
        assert fits == atscore.suggest_roles(memoryview(path.read_bytes()))
    text_path = corpus_file(CIVIL)
    assert atscore.suggest_roles(text_path, 4) == atscore.suggest_roles(read(text_path), 4)
    assert atscore.suggest_roles(text_path.read_bytes(), 4) == atscore.suggest_roles(read(text_path), 4)


@pytest.mark.parametrize(
    ("relative", "limit"),
    [(CIVIL, None), (SALES, 3), (DOCX, None), (PDF, 25)],
    ids=["text", "text-limit", "docx", "pdf-limit"],
)
def test_suggest_json_bytes_equal_the_cli(relative: str, limit: int | None) -> None:
    path = corpus_file(relative)
    args = ["roles", "--for", str(path), "--format", "json"] + (["-n", str(limit)] if limit is not None else [])
    assert atscore.fits_to_json(atscore.suggest_roles(path, limit)).encode() == cli_json(*args)


def test_suggest_roles_limit_default_and_empty_text() -> None:
    text = read(corpus_file(CIVIL))
    assert len(atscore.suggest_roles(text)) == 10  # as many as `atscore roles --for` lists
    assert atscore.suggest_roles(text) == atscore.suggest_roles(text, limit=10)
    assert atscore.suggest_roles(text, limit=0) == []
    assert atscore.suggest_roles("") == []
    with pytest.raises(ValueError, match="0 or more"):
        atscore.suggest_roles(text, limit=-3)


def test_suggest_roles_errors(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="os.PathLike"):
        atscore.suggest_roles(3)  # type: ignore[arg-type]
    with pytest.raises(FileError) as info:
        atscore.suggest_roles(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert info.value.problem == "unsupported" and info.value.kind == "DOC"
    with pytest.raises(FileError, match="PDF"):
        atscore.suggest_roles(b"%PDF-1.7 and nothing else")
    with pytest.raises(FileNotFoundError) as missing:
        atscore.suggest_roles(tmp_path / "missing.pdf")
    assert missing.value.filename == tmp_path / "missing.pdf"


def test_fits_as_dicts_json_and_pickle() -> None:
    fits = atscore.suggest_roles(read(corpus_file(CIVIL)), limit=5)
    raw = atscore.fits_to_json(fits)
    assert json.loads(raw) == [f.to_dict() for f in fits]
    assert raw == "[" + ",".join(f.to_json() for f in fits) + "]"
    for f in fits:
        check_shape(f.to_dict(), RoleFitDict, f.name)
    back = pickle.loads(pickle.dumps(fits))
    assert back == fits and atscore.fits_to_json(back) == raw
    with pytest.raises(TypeError, match="RoleFit"):
        atscore.fits_to_json(atscore.roles(search="civil engineer", limit=1))  # type: ignore[arg-type]


def test_threads_share_the_library() -> None:
    texts = [read(corpus_file(p)) for p in (CIVIL, ELECTRICAL, SALES, FITNESS)] * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: atscore.fits_to_json(atscore.suggest_roles(t, 5)), texts))
    assert threaded == [atscore.fits_to_json(atscore.suggest_roles(t, 5)) for t in texts]


# --- the examples in the docstrings are true ---------------------------------------------------


@pytest.mark.parametrize(
    "obj",
    [atscore, atscore.roles, atscore.roles_to_json, atscore.fits_to_json, atscore.suggest_roles, atscore.RoleHit, atscore.RoleFit],
    ids=lambda o: getattr(o, "__name__", str(o)),
)
def test_docstring_examples_run(obj: object) -> None:
    doc = obj.__doc__
    assert doc and ">>>" in doc
    test = doctest.DocTestParser().get_doctest(doc, {"atscore": atscore}, getattr(obj, "__name__", "atscore"), None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
