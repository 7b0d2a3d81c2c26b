"""Resume files (PDF, DOCX, text) through analyze_file and analyze_bytes: the real files of the
corpus, kinds, limits and hostile files (each a FileError with its attributes, never a crash)."""

from __future__ import annotations

import os
import pickle
import subprocess
from pathlib import Path

import pytest

import atscore
from atscore import FileError, InputError, OptionsError

from conftest import CORPUS_MISSING, ORIGINAL_FILES, REPO, cli_binary

SAMPLE_TXT = REPO / "examples" / "resume-backend.txt"


def first(ext: str) -> Path:
    found = [p for p in ORIGINAL_FILES if p.suffix == f".{ext}"]
    if not found:
        pytest.skip(f"{CORPUS_MISSING}: no .{ext} under resumes/*/original/")
    return found[0]


@pytest.fixture(params=["docx", "pdf"])
def resume_file(request: pytest.FixtureRequest) -> Path:
    return first(request.param)


def test_a_corpus_file_gives_the_same_report_every_way(resume_file: Path, analyzer: atscore.Analyzer) -> None:
    ext = resume_file.suffix[1:]
    report = analyzer.analyze_file(resume_file)  # a pathlib.Path
    data = resume_file.read_bytes()
    same = [
        analyzer.analyze_file(str(resume_file)),
        analyzer.analyze_file(resume_file, kind=ext),  # type: ignore[arg-type]
        analyzer.analyze_bytes(data),
        analyzer.analyze_bytes(bytearray(data)),
        atscore.analyze_file(resume_file, "backend-developer"),
        atscore.analyze_bytes(data),
    ]
    for other in same:
        assert other.to_json() == report.to_json()
        assert other.text == report.text
    file = report.file
    assert file is not None and file["kind"] == ext
    assert report.text == file["text"] and len(report.text) > 200
    assert report.offsets == "code_point"
    assert isinstance(report.readability, list)
    assert report.to_dict()["file"] == file and report.to_dict()["readability"] == report.readability


def test_keywords_of_a_file_are_those_of_its_extracted_text(resume_file: Path, analyzer: atscore.Analyzer) -> None:
    report = analyzer.analyze_file(resume_file)
    as_text = analyzer.analyze(report.text)
    assert as_text.file is None
    assert report.keywords == as_text.keywords
    assert report.hits == as_text.hits and report.score == as_text.score
    for hit in report.hits:  # code points into the extracted text
        s = hit["span"]
        assert report.text[s["start"] : s["end"]] == hit["text"]
    file = report.file
    assert file is not None
    for page in file["pages"]:
        assert 0 <= page["span"]["start"] <= page["span"]["end"] <= len(report.text)
    for region in file["regions"]:
        assert region["span"]["end"] <= len(report.text)
    for finding in report.readability:
        for s in finding["spans"]:
            assert s["end"] <= len(report.text)


def test_file_json_equals_the_cli_with_codepoint_offsets(resume_file: Path, analyzer: atscore.Analyzer) -> None:
    cli = cli_binary()
    if cli is None:
        pytest.skip("atscore CLI not built (cargo build -p atscore-cli); python/test.sh builds it")
    out = subprocess.run(
        [str(cli), "analyze", str(resume_file), "--format", "json", "--offsets", "codepoint"],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    assert out.stdout.rstrip(b"\n") == analyzer.analyze_file(resume_file).to_json().encode()


def test_file_report_html_pickle_and_repr(resume_file: Path, analyzer: atscore.Analyzer) -> None:
    report = analyzer.analyze_file(resume_file)
    html = report._repr_html_()
    assert f"{report.score}/100" in html and "<mark" in html and html == report.to_html()
    if report.readability:
        assert "Can an ATS read it?" in html
    back = pickle.loads(pickle.dumps(report))
    assert back.to_json() == report.to_json() and back.text == report.text and back.file == report.file
    assert repr(report).startswith("<Report score=")


def test_a_text_file_is_analyzed_as_text(analyzer: atscore.Analyzer, tmp_path: Path) -> None:
    text = SAMPLE_TXT.read_bytes().decode("utf-8")
    expected = analyzer.analyze(text).to_json()
    assert analyzer.analyze_file(SAMPLE_TXT).to_json() == expected
    assert analyzer.analyze_file(SAMPLE_TXT, kind="text").to_json() == expected
    assert analyzer.analyze_bytes(text.encode()).to_json() == expected
    report = atscore.analyze_file(os.fspath(SAMPLE_TXT))
    assert report.file is None and report.text == text and '"file"' not in report.to_json()
    # a name says nothing: a .pdf holding text is text
    renamed = tmp_path / "resume.pdf"
    renamed.write_bytes(text.encode())
    assert analyzer.analyze_file(renamed).to_json() == expected


@pytest.mark.parametrize(
    ("data", "kind", "offset"),
    [(b"Skills: SQL \xe9 Docker", None, 12), (b"Skills: SQL \xe9 Docker", "text", 12), (b"\xff\xfe", "text", 0)],
    ids=["latin1", "latin1-as-text", "bom16-as-text"],
)
def test_invalid_utf8_text_is_an_input_error_with_the_offset(data: bytes, kind: str | None, offset: int) -> None:
    with pytest.raises(InputError) as info:
        atscore.analyze_bytes(data, kind=kind)  # type: ignore[arg-type]
    assert type(info.value) is InputError
    assert info.value.offset == offset and f"byte offset {offset}" in str(info.value)


def test_kind_that_contradicts_the_content_is_a_file_error(analyzer: atscore.Analyzer) -> None:
    with pytest.raises(FileError, match="given as PDF but its content is text") as info:
        analyzer.analyze_file(SAMPLE_TXT, kind="pdf")
    assert (info.value.problem, info.value.kind) == ("unsupported", "text")
    assert isinstance(info.value, InputError) and isinstance(info.value, atscore.AtscoreError)
    with pytest.raises(FileError, match="does not start like a DOCX file") as info:
        analyzer.analyze_bytes(b"\x00\xff garbage", kind="docx")
    assert (info.value.problem, info.value.kind) == ("corrupt", "DOCX")
    with pytest.raises(OptionsError, match="odt") as opt:
        analyzer.analyze_bytes(b"SQL", kind="odt")  # type: ignore[arg-type]
    assert opt.value.option == "kind"


def test_kind_mismatch_on_a_corpus_docx() -> None:
    docx = first("docx")
    with pytest.raises(FileError, match="given as PDF but its content is DOCX") as info:
        atscore.analyze_file(docx, kind="pdf")
    assert (info.value.problem, info.value.kind) == ("unsupported", "DOCX")


def _random(n: int, seed: int = 0x9E3779B97F4A7C15) -> bytes:
    x, out = seed, bytearray()
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        out.append((x >> 24) & 0xFF)
    return bytes(out)


def _encrypted_pdf() -> bytes:
    """A small PDF whose trailer names a standard security handler with a user password
    (random /O and /U entries: no empty password opens it)."""
    key = _random(64, seed=7)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 12 >>\nstream\n" + _random(12, seed=3) + b"\nendstream",
        b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <"
        + key[:32].hex().encode()
        + b"> /U <"
        + key[32:].hex().encode()
        + b"> >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objs) + 1, key[:16].hex().encode(), key[:16].hex().encode(), xref)
    )
    return bytes(out)


def test_truncated_docx_is_a_corrupt_file() -> None:
    data = first("docx").read_bytes()
    with pytest.raises(FileError, match="cannot read this DOCX file") as info:
        atscore.analyze_bytes(data[: len(data) // 2])
    assert (info.value.problem, info.value.kind) == ("corrupt", "DOCX") and info.value.reason


def test_a_pdf_with_only_a_header_is_a_corrupt_file() -> None:
    with pytest.raises(FileError, match="cannot read this PDF file") as info:
        atscore.analyze_bytes(b"%PDF-1.7\n")
    assert (info.value.problem, info.value.kind) == ("corrupt", "PDF")


# how Office saves a password-protected .docx: an OLE file with an EncryptedPackage stream
_ENCRYPTED_DOCX = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")


@pytest.mark.parametrize(
    ("data", "kind"), [(_encrypted_pdf(), "PDF"), (_ENCRYPTED_DOCX, "DOCX")], ids=["pdf", "docx"]
)
def test_encrypted_files_are_encrypted_file_errors(data: bytes, kind: str, tmp_path: Path) -> None:
    path = tmp_path / "locked"
    path.write_bytes(data)
    for call in (lambda: atscore.analyze_bytes(data), lambda: atscore.analyze_file(path, kind=kind.lower())):  # type: ignore[arg-type]
        with pytest.raises(FileError, match="encrypted or password-protected") as info:
            call()
        assert (info.value.problem, info.value.kind, info.value.reason) == ("encrypted", kind, None)


@pytest.mark.parametrize(
    ("data", "kind", "reason"),
    [
        (_random(4096), "binary", "neither a PDF, a DOCX nor UTF-8 text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "DOC", "old Word .doc file"),
        (b"{\\rtf1\\ansi Jos\xe9 Doe}", "RTF", "RTF file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image", "image"),
    ],
    ids=["random", "doc", "rtf", "png"],
)
def test_files_of_other_kinds_say_what_they_are(data: bytes, kind: str, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(data)
    for call in (lambda: atscore.analyze_file(path), lambda: atscore.analyze_bytes(data)):
        with pytest.raises(FileError) as info:
            call()
        err = info.value
        assert (err.problem, err.kind) == ("unsupported", kind)
        assert err.reason is not None and reason in err.reason and reason in str(err)
        assert (err.what, err.value, err.option) == (None, None, None)


def test_file_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    docx = first("docx")
    size = docx.stat().st_size
    options = {"file": {"max_file_bytes": 1000}}
    for call in (
        lambda: atscore.analyze_file(docx, options=options),
        lambda: atscore.analyze_bytes(docx.read_bytes(), options=options),
        lambda: atscore.Analyzer(file={"max_file_bytes": 1000}).analyze_file(docx),
    ):
        with pytest.raises(FileError, match=r"option `file\.max_file_bytes`") as info:
            call()
        err = info.value
        assert (err.problem, err.what, err.value, err.limit, err.option) == (
            "limit", "file size in bytes", size, 1000, "max_file_bytes",
        )
    # 200 MB on paper (a sparse file): refused from its size, never read
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as f:
        f.truncate(200 << 20)
    with pytest.raises(FileError) as info:
        atscore.analyze_file(huge)
    assert (info.value.value, info.value.limit) == (200 << 20, 32 << 20)
    # an option at 0 is an options error, not a file error
    with pytest.raises(OptionsError) as opt:
        atscore.analyze_file(docx, options={"file": {"max_pages": 0}})
    assert opt.value.option == "file.max_pages"


def test_page_limit_of_a_pdf() -> None:
    pdf = first("pdf")
    pages = atscore.analyze_file(pdf).file
    assert pages is not None and pages["page_count"] is not None
    if pages["page_count"] < 2:
        pytest.skip(f"{pdf.name} has one page")
    with pytest.raises(FileError, match="max_pages") as info:
        atscore.analyze_file(pdf, options={"file": {"max_pages": 1}})
    assert (info.value.problem, info.value.option, info.value.limit) == ("limit", "max_pages", 1)


def test_paths_that_cannot_be_opened_are_os_errors(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-resume.pdf"
    with pytest.raises(FileNotFoundError) as info:
        atscore.analyze_file(missing)
    assert info.value.filename == missing and info.value.errno == 2
    with pytest.raises(IsADirectoryError):
        atscore.Analyzer().analyze_file(tmp_path)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: atscore.analyze_bytes("SQL"), "use analyze"),  # type: ignore[arg-type]
        (lambda: atscore.analyze_bytes(42), "bytes or bytearray"),  # type: ignore[arg-type]
        (lambda: atscore.analyze_file(42), "PathLike"),  # type: ignore[arg-type]
        (lambda: atscore.analyze_file(SAMPLE_TXT, options=[1]), "options"),  # type: ignore[arg-type]
        (lambda: atscore.analyze_file(SAMPLE_TXT, kind=3), "kind"),  # type: ignore[arg-type]
    ],
    ids=["str-data", "int-data", "int-path", "list-options", "int-kind"],
)
def test_wrong_argument_types_are_type_errors(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match=message):
        call()


def test_damaged_files_never_crash(analyzer: atscore.Analyzer) -> None:
    """Flipped bytes, cut files, bytes appended: a report or an atscore error, never a crash."""
    if not ORIGINAL_FILES:
        pytest.skip(CORPUS_MISSING)
    rand = _random(4096, seed=11)
    for path in (first("docx"), first("pdf")):
        data = path.read_bytes()
        for i in range(24):
            pos = int.from_bytes(rand[i * 4 : i * 4 + 4], "little") % len(data)
            variants = [
                data[:pos] + bytes([data[pos] ^ 0xFF]) + data[pos + 1 :],
                data[:pos],
                data[:pos] + rand[:512] + data[pos:],
            ]
            for damaged in variants:
                try:
                    report = analyzer.analyze_bytes(damaged)
                except (FileError, InputError):  # an InternalError (a caught panic) fails the test
                    continue
                assert 0 <= report.score <= 100


def test_file_errors_pickle_with_their_attributes() -> None:
    with pytest.raises(FileError) as info:
        atscore.analyze_bytes(b"x" * 2000, options={"file": {"max_file_bytes": 1000}})
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is FileError and str(back) == str(info.value)
    assert (back.problem, back.value, back.limit, back.option) == ("limit", 2000, 1000, "max_file_bytes")
