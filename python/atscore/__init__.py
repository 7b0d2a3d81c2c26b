"""Score a resume against a role the way an applicant tracking system (ATS) reads it.

>>> import atscore
>>> report = atscore.analyze("Skills: SQL, Docker, k8s", "backend-developer")
>>> report.keyword("Kubernetes")["hits"][0]["kind"]
'alias'

Resume files (PDF, DOCX or UTF-8 text, told by their content) are read the way an ATS reads
them: ``atscore.analyze_file("resume.pdf", "backend-developer")`` (or ``analyze_bytes(data)``)
analyzes the extracted text, ``report.text``, and adds ``report.readability`` (what an ATS may
lose: columns, tables, text boxes, headers and footers...) and ``report.file`` (the extraction).
A file that cannot be read raises :class:`FileError`.

Tailor to a job posting: ``atscore.extract(posting)`` reads a posting (its text as a ``str``,
a path, or the bytes of a PDF, DOCX or text file) into a :class:`Role` whose keywords keep
the posting's wording and the line they came from (``role.keywords``, ``role.requirements``);
``atscore.analyze(resume, jd=posting)`` scores against it and adds ``report.recruiter``
(title, years, education, certifications). What may be wrong with a posting ("this looks
like a resume") is a :class:`PostingWarning`.

Compile a role once with :class:`Analyzer` and analyze many resumes
(``analyze_many`` runs on all cores with the GIL released). Spans in reports are
code-point offsets, so ``report.text[start:end]`` is the hit; ``report.spans()`` gives
``(keyword, start, end)`` of every hit, for highlighting (``counted_only=True``: only the
hits an ATS counts, not typos). ``Report.to_json()`` gives the same bytes as
``atscore analyze --format json --offsets codepoint``.
"""

from atscore._errors import (
    AtscoreError,
    FileError,
    InputError,
    InternalError,
    OptionsError,
    PostingWarning,
    RoleError,
)
from atscore._native import DEFAULT_ROLE, Analyzer, Report, Role, analyze, analyze_bytes, analyze_file, extract, roles

__all__ = [
    "DEFAULT_ROLE",
    "Analyzer",
    "AtscoreError",
    "FileError",
    "InputError",
    "InternalError",
    "OptionsError",
    "PostingWarning",
    "Report",
    "Role",
    "RoleError",
    "analyze",
    "analyze_bytes",
    "analyze_file",
    "extract",
    "roles",
]
