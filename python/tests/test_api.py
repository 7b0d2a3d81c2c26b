"""Roles, options, errors and pickling, through the public Python API."""

from __future__ import annotations

import math
import pickle
from pathlib import Path

import pytest

import atscore
from atscore import InputError, OptionsError, RoleError

CUSTOM = {
    "name": "designer",
    "title": "Product Designer",
    "must_have": ["Figma", "User Research", {"term": "Prototyping", "weight": 2}],
    "bonus": ["Design Systems", {"term": "Adobe Photoshop", "aliases": ["Photoshop"]}],
    "overused": ["team player"],
}
DESIGN_RESUME = """Ana Lima · ana@example.com · +1 555 123 4567

EXPERIENCE
- Ran user research with 40 customers and cut onboarding time by 30%
- Built prototypes in Figma for 12 product launches
- Retouched campaign images in Photoshop

SKILLS
Figma, Prototyping, Design Systems
"""


def test_roles_lists_the_builtins_and_each_loads() -> None:
    names = atscore.roles()
    assert "backend-developer" in names and atscore.DEFAULT_ROLE in names
    for name in names:
        role = atscore.Role.builtin(name)
        assert role.name == name and role.must_have


@pytest.mark.parametrize(
    ("title", "name"),
    [("Backend Engineer", "backend-developer"), ("DBA", "database-administrator"), ("web designer", "web-developer")],
)
def test_a_job_title_finds_the_builtin_role(title: str, name: str) -> None:
    text = "EXPERIENCE\n- Built SQL reports in Python on AWS, cutting costs by 20%"
    assert atscore.analyze(text, title).to_json() == atscore.analyze(text, name).to_json()
    # "astronaut" names a role of the role library now (see test_library.py): a title no role has
    with pytest.raises(atscore.RoleError):
        atscore.analyze(text, "qqxzv wwjk")


@pytest.mark.parametrize(
    ("to_text", "parse"),
    [
        (atscore.Role.to_json, atscore.Role.from_json),
        (atscore.Role.to_toml, atscore.Role.from_toml),
        (atscore.Role.to_dict, atscore.Role.from_dict),
    ],
    ids=["json", "toml", "dict"],
)
@pytest.mark.parametrize("role", [atscore.Role.builtin("backend-developer"), atscore.Role.from_dict(CUSTOM)], ids=["builtin", "custom"])
def test_role_round_trips(role: atscore.Role, to_text, parse) -> None:  # type: ignore[no-untyped-def]
    assert parse(to_text(role)) == role


def test_custom_role_scores_a_resume_written_for_it() -> None:
    role = atscore.Role.from_dict(CUSTOM)
    assert role.title == "Product Designer"
    assert role.must_have == ["Figma", "User Research", "Prototyping"]
    assert role.bonus == ["Design Systems", "Adobe Photoshop"] and role.overused == ["team player"]
    fit = atscore.analyze(DESIGN_RESUME, role)
    assert fit.missing == [] and fit.missing_bonus == []
    photoshop = fit.keyword("Adobe Photoshop")
    assert photoshop is not None and photoshop["hits"][0]["kind"] == "alias"
    backend = atscore.analyze(DESIGN_RESUME)  # the default built-in role
    assert backend.role["name"] == "backend-developer"
    assert fit.score > backend.score
    # a dict role works directly too
    assert atscore.analyze(DESIGN_RESUME, CUSTOM).to_json() == fit.to_json()


@pytest.mark.parametrize(
    ("role", "attrs"),
    [
        ({"name": "x", "must_have": ["SQL", "sql"]}, {"keyword": "sql", "field": "term"}),
        ({"name": "x", "must_have": [{"term": "SQL", "weight": 0}]}, {"keyword": "SQL", "field": "weight"}),
        ({"name": "x", "must_have": ["Go", {"term": "Rust", "aliases": [""]}]}, {"keyword": "Rust", "field": "aliases"}),
        ({"name": "x", "must_have": []}, {"field": "must_have", "keyword": None}),
        ({"name": "", "must_have": ["SQL"]}, {"field": "name"}),
        ({"name": "x", "must_hav": ["SQL"]}, {"format": "JSON", "line": 1}),
    ],
    ids=["duplicate", "weight", "empty-alias", "no-keywords", "no-name", "unknown-field"],
)
def test_role_errors_name_the_keyword_and_field(role: dict[str, object], attrs: dict[str, object]) -> None:
    with pytest.raises(RoleError) as info:
        atscore.Role.from_dict(role)
    for key, value in attrs.items():
        assert getattr(info.value, key) == value, key
    for value in attrs.values():
        if isinstance(value, str) and value != "JSON":
            assert value in str(info.value)


def test_toml_syntax_error_has_line_and_column() -> None:
    with pytest.raises(RoleError) as info:
        atscore.Role.from_toml('name = "x"\nmust_have = ["SQL",\n  bonus = 3\n')
    assert info.value.format == "TOML" and info.value.line == 3 and info.value.column is not None


def test_unknown_builtin_role_lists_the_available_ones() -> None:
    # `available` holds the closest roles' names (the role library's search for the name, best
    # first), no longer every built-in name: none for a name no title is like
    for unknown in ("no-such-role", "qqxzv"):
        with pytest.raises(RoleError, match=unknown) as info:
            atscore.analyze("SQL", unknown)
        assert info.value.name == unknown and info.value.available == []
        assert "no role has a title like it" in str(info.value)
    # a title of more than one role: the closest ones, each a role that loads
    ambiguous = "nurse practitioner assistant"
    with pytest.raises(RoleError, match=ambiguous) as info:
        atscore.Analyzer(ambiguous)
    available = info.value.available
    assert available is not None and available[0] == "nurse-practitioners"
    assert {"nurse-assistant", "nursing-assistants"} <= set(available)
    assert available == [h.name for h in atscore.roles(search=ambiguous, limit=5)]
    assert ", ".join(available) in str(info.value)
    for name in available:
        assert atscore.Role.builtin(name).name == name
    # a whole title with a typo resolves when no other role's title is as close
    assert atscore.Analyzer("registred nurse").role.name == "registered-nurses"
    assert atscore.Analyzer("registered nurse").role.name == "registered-nurses"
    # nothing asked: the most common roles
    with pytest.raises(RoleError) as info:
        atscore.analyze("SQL", "")
    assert info.value.available == [h.name for h in atscore.roles(search="", limit=5)]


@pytest.mark.parametrize("bad", [3, None, ["SQL"]], ids=["int", "none-in-list", "list"])
def test_wrong_role_types_are_type_errors(bad: object) -> None:
    arg = [bad] if bad is None else bad
    with pytest.raises(TypeError, match="role"):
        atscore.Analyzer(arg)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"fuzzy_min_len": 2}, "fuzzy_min_len"),
        ({"max_input_bytes": 0}, "max_input_bytes"),
        ({"stuffing_min_count": 0}, "stuffing_min_count"),
        ({"fuzy": True}, None),
        ({"fuzzy": "yes"}, None),
        ({"weights": {"must_have": math.nan}}, None),
        ({"weights": {"must_hav": 50.0}}, None),
    ],
    ids=["min-len", "max-bytes", "stuffing", "unknown", "wrong-type", "nan", "unknown-weight"],
)
def test_bad_options_raise_options_error(options: dict[str, object], option: str | None) -> None:
    with pytest.raises(OptionsError) as info:
        atscore.Analyzer("backend-developer", **options)
    assert info.value.option == option
    assert isinstance(info.value, ValueError) and isinstance(info.value, atscore.AtscoreError)
    assert "line 1 column" not in str(info.value)  # no positions inside our own JSON
    if option is None and "fuzy" in options:
        assert "fuzy" in str(info.value)


def test_options_change_the_analysis() -> None:
    text = "EXPERIENCE\n- Deployed services on Kubernets and Postgres\n"
    default = atscore.Analyzer()
    strict = atscore.Analyzer(fuzzy=False, vague_phrases=False)
    assert default.options["fuzzy"] and not strict.options["fuzzy"]
    typo = default.analyze(text).keyword("Kubernetes")
    assert typo is not None and typo["status"] == "typo" and typo["hits"][0]["text"] == "Kubernets"
    none = strict.analyze(text).keyword("Kubernetes")
    assert none is not None and none["status"] == "missing" and none["hits"] == []
    only_must = {"must_have": 100.0, "bonus": 0.0, "context": 0.0, "quantified": 0.0, "acronyms": 0.0, "structure": 0.0}
    scored = atscore.Analyzer(CUSTOM, weights=only_must)
    assert scored.options["weights"]["must_have"] == 100.0
    assert scored.analyze(DESIGN_RESUME).score == 100
    assert scored.analyze("EXPERIENCE\n- Ran user research with 40 customers\n").score < 50


@pytest.mark.parametrize(
    ("data", "attrs", "message"),
    [
        (b"%PDF-1.7\n\xff\xfe\x00", {"offset": 9, "binary": True}, "plain text"),
        (b"Skills: SQL \xe9 Docker", {"offset": 12, "binary": False}, "byte offset 12"),
        ("Skills \ud800 SQL", {}, "surrogates"),
    ],
    ids=["pdf", "latin1", "lone-surrogate"],
)
def test_undecodable_input_is_an_input_error(data: str | bytes, attrs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        atscore.analyze(data)
    for key, value in attrs.items():
        assert getattr(info.value, key) == value


def test_too_large_input_and_batch_index() -> None:
    small = atscore.Analyzer(max_input_bytes=100)
    with pytest.raises(InputError, match="max_input_bytes") as info:
        small.analyze("SQL " * 30)
    assert (info.value.length, info.value.limit) == (120, 100)
    with pytest.raises(InputError, match=r"texts\[2\]") as info:
        small.analyze_many(["SQL", "Docker", "x" * 101, "Go"])
    assert info.value.index == 2 and info.value.length == 101


@pytest.mark.parametrize("bad", [42, None, ["SQL"]], ids=["int", "none", "list"])
def test_non_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        atscore.analyze(bad)  # type: ignore[arg-type]


def test_analyze_many_refuses_one_string() -> None:
    with pytest.raises(TypeError, match="iterable of texts"):
        atscore.Analyzer().analyze_many("SQL and Docker")


def test_empty_resume_scores_low_and_misses_every_must_have() -> None:
    report = atscore.analyze("")
    assert report.missing == atscore.Role.builtin("backend-developer").must_have
    assert report.hits == []


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_pickle_rebuilds_analyzer_role_and_report(protocol: int, corpus: list[tuple[Path, str]]) -> None:
    analyzer = atscore.Analyzer(CUSTOM, fuzzy=False, stuffing_min_count=4)
    clone = pickle.loads(pickle.dumps(analyzer, protocol))
    assert clone.role == analyzer.role and clone.options == analyzer.options
    texts = [t for _, t in corpus[:10]] + [DESIGN_RESUME]
    assert [r.to_json() for r in clone.analyze_many(texts)] == [r.to_json() for r in analyzer.analyze_many(texts)]
    role = pickle.loads(pickle.dumps(analyzer.role, protocol))
    assert role == atscore.Role.from_dict(CUSTOM)
    report = analyzer.analyze(DESIGN_RESUME)
    back = pickle.loads(pickle.dumps(report, protocol))
    assert back.to_json() == report.to_json() and back.text == report.text
    assert back._repr_html_() == report._repr_html_()


def test_errors_pickle_with_their_attributes() -> None:
    with pytest.raises(RoleError) as info:
        atscore.Role.from_dict({"name": "x", "must_have": ["SQL", "sql"]})
    # exceptions cross process boundaries (Dask, multiprocessing) too
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is RoleError and str(back) == str(info.value)


def test_package_ships_stubs_and_py_typed() -> None:
    pkg = Path(atscore.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_native.pyi").exists()


def test_role_from_job_description() -> None:
    jd = "Requirements:\n- RESTful APIs in Python\n\nNice to have:\n- Kubernetes\n"
    role = atscore.Role.from_job_description(jd)
    tiers = {k["term"]: tier for tier in ("must_have", "bonus") for k in _entries(role, tier)}
    assert tiers["RESTful APIs"] == "must_have"
    assert tiers["Kubernetes"] == "bonus"
    with pytest.raises(RoleError, match="no skill"):
        atscore.Role.from_job_description("Fun team, free lunch.")


def _entries(role: atscore.Role, tier: str) -> list[dict[str, object]]:
    return [{"term": e} if isinstance(e, str) else e for e in role.to_dict().get(tier, [])]
