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

Roles for every occupation: besides the seven hand-kept roles (``atscore.roles()``), the role
library has a built-in role for every O*NET and ESCO occupation (3,800+: nurses, accountants,
teachers, chefs...). ``atscore.roles(search="registered nurse")`` finds them by job title
(:class:`RoleHit`, best first; ``roles_to_json(hits)`` gives the bytes of ``atscore roles
--search ... --format json``); ``role=`` takes a role's name or a job title that names one role
unambiguously (``atscore.analyze(resume, "accountant")``); an unknown one raises
:class:`RoleError` whose ``available`` holds the closest roles' names.
``atscore.suggest_roles(resume)`` says which roles a resume (text or a file) fits best
(:class:`RoleFit`, with the role's keywords it has).

>>> atscore.roles(search="registered nurse", limit=1)[0].name
'registered-nurses'
>>> atscore.analyze("Patient care, medication administration", "registered nurse").role["name"]
'registered-nurses'

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
from atscore._native import (
    DEFAULT_ROLE,
    Analyzer,
    Report,
    Role,
    RoleFit,
    RoleHit,
    analyze,
    analyze_bytes,
    analyze_file,
    extract,
    fits_to_json,
    roles,
    roles_to_json,
    suggest_roles,
)

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
    "RoleFit",
    "RoleHit",
    "analyze",
    "analyze_bytes",
    "analyze_file",
    "extract",
    "fits_to_json",
    "roles",
    "roles_to_json",
    "suggest_roles",
]
