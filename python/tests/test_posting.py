"""Job postings on real text: extract(), jd=, the role's keywords and requirements, recruiter checks."""

from __future__ import annotations

import io
import pickle
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest

import atscore
from atscore import types

from conftest import JOB_FILES, JOB_ORIGINALS, check_shape, cli_binary, corpus_file, read

JAVA_JOB = "jobs/resume-matcher-samples/text/job_desc_java_developer.txt"
JAVA_JOB_PDF = "jobs/resume-matcher-samples/original/job_desc_java_developer.pdf"
JAVA_RESUME = "resumes/kaggle-updated-resume-dataset/text/064-java-developer.txt"
# a resume the posting reader recognises as one
RESUME_AS_POSTING = "resumes/resume-matcher-samples/text/barry_allen_fe.txt"


def is_line(evidence: str, line: str) -> bool:
    """The evidence quotes the posting's line, trimmed; a word hyphenated at
    the line's end ("scal-") is quoted whole ("scalable"), as it was read."""
    line = line.strip()
    if evidence == line:
        return True
    return line.endswith("-") and evidence.startswith(line[:-1]) and evidence[len(line) - 1 :].isalpha()


def job_params(files: list[Path]) -> list[object]:
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason="CORPUS MISSING: no job postings"))]
    return [pytest.param(p, id=f"{p.parent.parent.name}/{p.name}") for p in files]


def cli_or_skip() -> Path:
    cli = cli_binary()
    if cli is None:
        pytest.skip("atscore CLI not built (cargo build -p atscore-cli); python/test.sh builds it")
    return cli


# --- extract: the checklist of a real posting -----------------------------------------------


def test_extract_keeps_the_postings_wording_tiers_groups_and_evidence() -> None:
    path = corpus_file(JAVA_JOB)
    lines = read(path).splitlines()
    role = atscore.extract(path)
    assert role.title == "Java Developer"
    by_term = {k["term"]: k for k in role.keywords}
    java_ee = by_term["Java EE"]
    assert java_ee["tier"] == "must_have" and not java_ee["soft"] and "J2EE" in java_ee["aliases"]
    ev = java_ee["evidence"]
    assert ev is not None
    assert is_line(ev["text"], lines[ev["line"] - 1])  # 1-based line of the posting, trimmed
    assert "Java EE" in ev["text"] and ev["reason"]
    # "at least one popular web framework (JSF, Wicket, GWT, Spring MVC)": one keyword, any member
    frameworks = next(k for k in role.keywords if "Wicket" in k["any_of"])
    assert frameworks["any_of"] == ["JSF", "Wicket", "GWT", "Spring MVC"]
    assert frameworks["tier"] == "must_have"
    assert frameworks["evidence"] is not None and "at least one popular web framework" in frameworks["evidence"]["text"]
    # every keyword from the posting has evidence; the built-in overused terms have none
    for k in role.keywords:
        assert (k["evidence"] is None) == (k["tier"] == "overused"), k
        if k["evidence"] is not None:
            assert is_line(k["evidence"]["text"], lines[k["evidence"]["line"] - 1]), k
    # the tier lists are the keywords' terms, in role order
    for tier in ("must_have", "bonus", "overused"):
        assert getattr(role, tier) == [k["term"] for k in role.keywords if k["tier"] == tier]
    # requirements beyond keywords, each with its line
    req = role.requirements
    assert req["years"] == {"min": 3, "evidence": "Job Description: Java Developer (3 Years of Experience)"}
    education = req["education"]
    assert education["level"] == "bachelor" and education["fields"] == ["Computer Science", "Engineering"]
    assert education["evidence"] == lines[23].strip()
    check_shape(req, types.Requirements, "requirements")
    for i, k in enumerate(role.keywords):
        check_shape(k, types.RoleKeyword, f"keywords[{i}]")


def test_role_keywords_and_requirements_agree_with_the_role_file() -> None:
    role = atscore.extract(corpus_file(JAVA_JOB))
    d = role.to_dict()
    assert d.get("requirements", {}) == role.requirements
    entries = [e for tier in ("must_have", "bonus", "overused") for e in d.get(tier, [])]
    assert len(entries) == len(role.keywords)
    for entry, k in zip(entries, role.keywords, strict=True):
        if isinstance(entry, str):
            assert entry == k["term"] and k["evidence"] is None and not k["any_of"]
        else:
            shared = set(entry) & set(k)  # the file has more fields (lexicon, case_sensitive...)
            assert "term" in shared and ("evidence" in shared) == (k["evidence"] is not None)
            assert {key: k[key] for key in shared} == {key: entry[key] for key in shared}
    # a hand-written role: no requirements, no evidence
    builtin = atscore.Role.builtin("backend-developer")
    assert builtin.requirements == {}
    assert all(k["evidence"] is None for k in builtin.keywords)
    # pickling keeps the evidence
    back = pickle.loads(pickle.dumps(role))
    assert back == role and back.keywords == role.keywords and back.requirements == role.requirements


@pytest.mark.parametrize("path", job_params(JOB_FILES + JOB_ORIGINALS))
def test_extract_json_equals_the_cli(path: Path) -> None:
    out = subprocess.run(
        [str(cli_or_skip()), "extract", str(path), "--format", "json"], capture_output=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stderr == b""  # no warning for a real posting
    role = atscore.extract(path)
    assert out.stdout.rstrip(b"\n") == role.to_json().encode()
    assert atscore.extract(path.read_bytes()).to_json() == role.to_json()
    if path.suffix == ".txt":
        assert atscore.Role.from_job_description(read(path)).to_json() == role.to_json()
        assert atscore.extract(read(path)) == role


def test_extract_takes_text_path_and_file_contents_alike() -> None:
    path = corpus_file(JAVA_JOB)
    data = path.read_bytes()
    role = atscore.extract(path)
    assert atscore.extract(data.decode("utf-8")) == role
    assert atscore.extract(data) == role
    assert atscore.extract(bytearray(data)) == role
    assert atscore.extract(memoryview(data)) == role
    assert atscore.extract(memoryview(b"--" + data)[2:]) == role  # a slice, not the whole buffer


def test_a_str_is_the_postings_text_never_a_path() -> None:
    path = corpus_file(JAVA_JOB)
    # the path as a str is read as a (very short) posting: no skills in it
    with pytest.warns(atscore.PostingWarning, match="no skills found"):
        with pytest.raises(atscore.RoleError, match="no skills found"):
            atscore.extract(str(path))


def test_pdf_posting_from_bytes_is_read_by_its_content() -> None:
    pdf = corpus_file(JAVA_JOB_PDF)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    role = atscore.extract(data)
    assert role == atscore.extract(pdf)
    assert role.title == "Java Developer"
    assert {"Java", "Java EE", "SQL"} <= set(role.must_have)
    assert role.requirements["years"]["min"] == 3


def test_docx_posting_built_in_the_test() -> None:
    # a minimal Word document holding the posting's lines, one paragraph each
    text = read(corpus_file(JAVA_JOB))
    paragraphs = "".join(
        f"<w:p><w:r><w:t xml:space=\"preserve\">{line.replace('&', '&amp;').replace('<', '&lt;')}</w:t></w:r></w:p>"
        for line in text.splitlines()
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
            'main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>',
        )
    role = atscore.extract(buf.getvalue())
    assert role.title == "Java Developer"
    assert {"Java", "Java EE", "SQL"} <= set(role.must_have)
    java_ee = next(k for k in role.keywords if k["term"] == "Java EE")
    assert java_ee["evidence"] is not None and "Java EE" in java_ee["evidence"]["text"]


# --- analyze against a posting ----------------------------------------------------------------


def test_analyze_with_jd_is_analyze_with_the_extracted_role(tmp_path: Path) -> None:
    job = corpus_file(JAVA_JOB)
    resume_path = corpus_file(JAVA_RESUME)
    resume = read(resume_path)
    role = atscore.extract(job)
    expected = atscore.analyze(resume, role=role).to_json()
    assert atscore.analyze(resume, jd=job).to_json() == expected
    assert atscore.analyze(resume, jd=read(job)).to_json() == expected
    assert atscore.analyze(resume, jd=job.read_bytes(), fuzzy=True).to_json() == expected  # options still apply
    assert atscore.analyze_file(resume_path, jd=job).to_json() == expected
    assert atscore.analyze_bytes(resume.encode(), jd=job).to_json() == expected
    analyzer = atscore.Analyzer(jd=job)
    assert analyzer.role == role and analyzer.analyze(resume).to_json() == expected
    assert pickle.loads(pickle.dumps(analyzer)).analyze(resume).to_json() == expected
    assert atscore.analyze(resume, jd=job, fuzzy=False).to_json() == atscore.analyze(
        resume, role, fuzzy=False
    ).to_json()


def test_report_against_a_posting_has_recruiter_checks_and_missing_keywords() -> None:
    report = atscore.analyze(read(corpus_file(JAVA_RESUME)), jd=corpus_file(JAVA_JOB))
    d = report.to_dict()
    assert report.recruiter == d["recruiter"]
    checks = {c["id"]: c for c in report.recruiter}
    assert checks["title"]["status"] == "met" and checks["title"]["wanted"] == "Java Developer"
    assert checks["years"]["wanted"] == "3+ years" and checks["years"]["status"] == "met"
    assert checks["education"]["status"] in ("met", "missing", "unknown")
    for i, c in enumerate(report.recruiter):
        check_shape(c, types.RecruiterCheck, f"recruiter[{i}]")
    check_shape(d, types.ReportDict, "report")
    # "one of" groups are reported with their members
    frameworks = report.keyword("JSF / Wicket / GWT / Spring MVC")
    assert frameworks is not None and frameworks["one_of"] == ["JSF", "Wicket", "GWT", "Spring MVC"]
    assert report.missing == [k["term"] for k in d["keywords"] if k["tier"] == "must_have" and not k["found"]]
    assert "Java" not in report.missing and report.keyword("Java EE")["found"]  # type: ignore[index]
    # a built-in role: no recruiter checks
    assert atscore.analyze(read(corpus_file(JAVA_RESUME))).recruiter == []


def test_analyze_with_jd_json_equals_the_cli() -> None:
    job, resume = corpus_file(JAVA_JOB), corpus_file(JAVA_RESUME)
    out = subprocess.run(
        [str(cli_or_skip()), "analyze", str(resume), "--jd", str(job), "--format", "json", "--offsets", "codepoint"],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    assert out.stdout.rstrip(b"\n") == atscore.analyze_file(resume, jd=job).to_json().encode()


# --- warnings and errors ----------------------------------------------------------------------


def test_a_resume_given_as_posting_warns_as_the_cli_does() -> None:
    path = corpus_file(RESUME_AS_POSTING)
    with pytest.warns(atscore.PostingWarning) as caught:
        role = atscore.extract(path)
    assert role.keywords  # read anyway, as the CLI does
    [w] = caught
    assert issubclass(w.category, UserWarning)
    message = str(w.message)
    assert message.startswith(f"{path}: this looks like a resume, not a job posting")
    assert w.filename == __file__  # attributed to the caller
    with pytest.warns(atscore.PostingWarning, match=r"^job posting: this looks like a resume"):
        atscore.extract(path.read_bytes())
    with pytest.warns(atscore.PostingWarning):
        atscore.analyze("Skills: Java", jd=path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", atscore.PostingWarning)
        assert atscore.extract(path) == role
    out = subprocess.run(
        [str(cli_or_skip()), "extract", str(path), "--format", "json"], capture_output=True, check=False
    )
    assert out.returncode == 0 and out.stdout.rstrip(b"\n") == role.to_json().encode()
    prefix, _, rest = message.partition(": ")
    assert f"atscore: {prefix}: warning: {rest}" in out.stderr.decode()


@pytest.mark.parametrize(
    "posting, named",
    [
        pytest.param("", "job posting", id="empty-str"),
        pytest.param("  \n\t\n", "job posting", id="blank-str"),
        pytest.param(b"", "job posting", id="empty-bytes"),
        pytest.param("empty-file", "{path}", id="empty-file"),
    ],
)
def test_an_empty_posting_is_a_role_error_naming_the_posting(posting: object, named: str, tmp_path: Path) -> None:
    if posting == "empty-file":
        posting = tmp_path / "posting.txt"
        posting.write_bytes(b"")
        named = named.format(path=posting)
    with pytest.raises(atscore.RoleError) as e:
        atscore.extract(posting)
    assert str(e.value) == f"{named}: invalid role: field `posting`: the job posting is empty"
    assert (e.value.field, e.value.reason) == ("posting", "the job posting is empty")
    with pytest.raises(atscore.RoleError, match="the job posting is empty"):
        atscore.analyze("Skills: Java", jd=posting)


def test_unreadable_posting_files() -> None:
    pdf = corpus_file(JAVA_JOB_PDF).read_bytes()
    with pytest.raises(atscore.FileError, match=r"^job posting: ") as e:
        atscore.extract(pdf[: len(pdf) // 3])  # cut short
    assert e.value.kind == "PDF"
    with pytest.raises(FileNotFoundError) as missing:
        atscore.extract(Path("no-such-posting.pdf"))
    assert missing.value.filename == Path("no-such-posting.pdf")
    with pytest.raises(atscore.InputError, match=r"^job posting: input too large"):
        atscore.extract("Java " * 300_000)


def test_role_and_jd_together_is_an_error() -> None:
    job = corpus_file(JAVA_JOB)
    resume = read(corpus_file(JAVA_RESUME))
    match = "role= or jd=.*not both"
    with pytest.raises(TypeError, match=match):
        atscore.analyze(resume, "backend-developer", jd=job)
    with pytest.raises(TypeError, match=match):
        atscore.analyze_file(corpus_file(JAVA_RESUME), role=atscore.extract(job), jd=job)
    with pytest.raises(TypeError, match=match):
        atscore.analyze_bytes(resume.encode(), "backend-developer", jd=job)
    with pytest.raises(TypeError, match=match):
        atscore.Analyzer("backend-developer", jd=job)


@pytest.mark.parametrize("bad", [3, None, ["Java"], {"must_have": ["Java"]}], ids=["int", "None", "list", "dict"])
def test_extract_refuses_other_types(bad: object) -> None:
    with pytest.raises(TypeError, match="job posting must be str"):
        atscore.extract(bad)  # type: ignore[arg-type]
