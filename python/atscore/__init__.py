"""Score a resume against a role the way an applicant tracking system (ATS) reads it.

>>> import atscore
>>> report = atscore.analyze("Skills: SQL, Docker, k8s", "backend-developer")
>>> report.keyword("Kubernetes")["hits"][0]["kind"]
'alias'

Compile a role once with :class:`Analyzer` and analyze many resumes
(``analyze_many`` runs on all cores with the GIL released). Spans in reports are
code-point offsets, so ``report.text[start:end]`` is the hit. ``Report.to_json()``
gives the same bytes as ``atscore analyze --format json --offsets codepoint``.
"""

from atscore._errors import AtscoreError, InputError, InternalError, OptionsError, RoleError
from atscore._native import DEFAULT_ROLE, Analyzer, Report, Role, analyze, roles

__all__ = [
    "DEFAULT_ROLE",
    "Analyzer",
    "AtscoreError",
    "InputError",
    "InternalError",
    "OptionsError",
    "Report",
    "Role",
    "RoleError",
    "analyze",
    "roles",
]
