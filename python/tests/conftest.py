"""Shared fixtures: the real resumes of ../shared/corpus (beside the checkout)."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest

import atscore

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
RESUME_FILES = sorted(CORPUS.glob("resumes/*/text/*.txt"))
CORPUS_MISSING = (
    f"CORPUS MISSING: no resumes under {CORPUS}/resumes/*/text/ "
    "(the shared corpus must sit beside the checkout as ../shared/corpus)"
)
# Every 12th resume: a spread over both collections and all categories.
SAMPLE = RESUME_FILES[::12]
# Resume files as their authors sent them (Word and PDF).
ORIGINAL_FILES = sorted(CORPUS.glob("resumes/*/original/*.docx")) + sorted(CORPUS.glob("resumes/*/original/*.pdf"))
# Job postings: as text, and as their employers sent them (PDF and Word).
JOB_FILES = sorted(CORPUS.glob("jobs/resume-matcher-samples/text/*.txt"))
JOB_ORIGINALS = sorted(CORPUS.glob("jobs/resume-matcher-samples/original/*.pdf")) + sorted(
    CORPUS.glob("jobs/resume-matcher-2020/original/*.docx")
)


def corpus_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


def corpus_file(relative: str) -> Path:
    """One file of the corpus, by its path under it; skips the test loudly when the corpus is missing."""
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"{CORPUS_MISSING} ({relative} not found)")
    return path


def pytest_report_header() -> str:
    if not RESUME_FILES:
        return CORPUS_MISSING
    return f"corpus: {len(RESUME_FILES)} resumes, sample of {len(SAMPLE)}"


def read(path: Path) -> str:
    """The file's text as the CLI reads it: UTF-8, line endings kept (no newline translation)."""
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def corpus() -> list[tuple[Path, str]]:
    if not RESUME_FILES:
        pytest.skip(CORPUS_MISSING)
    return [(p, read(p)) for p in RESUME_FILES]


@pytest.fixture(scope="session")
def analyzer() -> atscore.Analyzer:
    return atscore.Analyzer("backend-developer")


def cli_binary() -> Path | None:
    """The CLI built from this checkout: the newer of the release and debug builds (a stale
    release build must not stand in for the debug build python/test.sh makes), else ``atscore``
    on PATH."""
    built = [p for p in (REPO / "target" / profile / "atscore" for profile in ("release", "debug")) if p.exists()]
    if built:
        return max(built, key=lambda p: p.stat().st_mtime)
    found = shutil.which("atscore")
    return Path(found) if found else None


def corpus_params(files: list[Path]) -> list[object]:
    """Parameters for a corpus-wide test; one loud skip when the corpus is missing."""
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=CORPUS_MISSING))]
    return [pytest.param(p, id=corpus_id(p)) for p in files]


def check_shape(value: object, td: type, where: str) -> None:
    """value has exactly the keys of TypedDict td (optional ones may be absent), recursively."""
    assert isinstance(value, dict), where
    hints = typing.get_type_hints(td)
    assert set(value) <= set(hints), f"{where}: keys not in {td.__name__}: {set(value) - set(hints)}"
    assert td.__required_keys__ <= set(value), f"{where}: missing {td.__required_keys__ - set(value)}"
    for key, hint in hints.items():
        if key not in value:
            continue
        for arg in (hint, *typing.get_args(hint)):
            if typing.is_typeddict(arg) and isinstance(value[key], dict):
                check_shape(value[key], arg, f"{where}.{key}")
            elif typing.get_origin(arg) is list and typing.is_typeddict(typing.get_args(arg)[0]):
                for i, item in enumerate(value[key]):
                    check_shape(item, typing.get_args(arg)[0], f"{where}.{key}[{i}]")
