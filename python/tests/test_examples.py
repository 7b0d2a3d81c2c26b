"""The examples run for real: the notebook (executed by nbclient) and the Dask batch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import atscore

from conftest import CORPUS, CORPUS_MISSING, REPO, RESUME_FILES, read

EXAMPLES = REPO / "examples"
needs_corpus = pytest.mark.skipif(not RESUME_FILES, reason=CORPUS_MISSING)


@needs_corpus
def test_notebook_executes_and_shows_table_chart_and_report() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    nb = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs, "store the notebook without outputs"
    env_corpus = os.environ.get("ATSCORE_CORPUS")
    os.environ["ATSCORE_CORPUS"] = str(CORPUS)
    try:
        nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    finally:
        if env_corpus is None:
            del os.environ["ATSCORE_CORPUS"]
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    data = [o.get("data", {}) for o in outputs]
    assert any("image/png" in d for d in data), "no chart"
    html = [d["text/html"] for d in data if "text/html" in d]
    assert any("<table" in h and "data_score" in h for h in html), "no DataFrame"
    assert any('class="atscore"' in h and "/100" in h and "<mark" in h for h in html), "no report"
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert f"{len(RESUME_FILES)} resumes" in printed
    assert " read as docx: " in printed, "analyze_file cell"
    # "Tailor to a job posting": the checklist, the requirements, the missing keywords
    assert "Senior Full Stack Engineer: " in printed and "best match for Senior Full Stack Engineer: " in printed
    assert "skill_years: {'skill': 'web development', 'min': 5}" in printed, "requirements cell"
    assert any("<table" in h and "one of" in h and "soft" in h and "why" in h for h in html), "no checklist"
    assert any("<table" in h and "posting line" in h and "missing" in h for h in html), "no missing keywords"
    # "Roles beyond software": a search of the role library, a role by job title, suggested roles
    assert "roles in the library; the best for 'registered nurse':" in printed
    assert any("<table" in h and "registered-nurses" in h and "Registered Nurse Midwife" in h for h in html), "no search"
    assert "role='accountant' is accountant: " in printed
    assert any("<table" in h and "suggested roles" in h and "keywords it has" in h for h in html), "no suggestions"


@needs_corpus
def test_dask_example_scores_the_corpus_like_analyze_many(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    limit = 60
    run = subprocess.run(
        [sys.executable, "-P", str(EXAMPLES / "dask_batch.py"), "--corpus", str(CORPUS),
         "--limit", str(limit), "--batch", "16", "--out", str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    assert f"scored {limit} resumes against backend-developer on 2 Dask workers" in run.stdout
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == limit
    local = atscore.Analyzer("backend-developer")
    by_file = {str(p.relative_to(CORPUS / "resumes")): p for p in RESUME_FILES[:limit]}
    for row in rows:
        report = local.analyze(read(by_file[row["file"]]))
        assert row["json"] == report.to_json(), row["file"]
        assert (row["score"], row["missing"]) == (report.score, report.missing)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
