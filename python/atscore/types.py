"""Shapes of the dicts a :class:`~atscore.Report` gives (``to_dict()`` and its attributes),
those of a :class:`~atscore.Role` (``Role.keywords``, ``Role.requirements``), and those of the
role library's :class:`~atscore.RoleHit` and :class:`~atscore.RoleFit` (``to_dict()``).

They mirror the core's serde output (the JSON of ``Report.to_json()``);
offsets are code points, so ``text[span["start"]:span["end"]]`` is the hit
(for a PDF or DOCX, ``text`` is the extracted text, ``report.text``).
"""


from typing import Literal, NotRequired, TypedDict

__all__ = [
    "Tier", "MatchKind", "VariantKind", "KeywordStatus", "FlagKind", "SuggestionKind", "SectionName",
    "Severity", "FindingKind", "FileKind", "Origin",
    "Span", "KeywordHit", "Hit", "KeywordResult", "Flag", "ScoreItem", "Suggestion",
    "TierSummary", "Achievements", "SectionInfo", "Contact", "DocumentInfo", "RoleInfo",
    "Finding", "PageInfo", "Region", "Extracted", "RecruiterCheck",
    "Evidence", "RoleKeyword", "Years", "SkillYears", "Education", "Certification", "Stated", "Requirements",
    "ReportDict", "OptionsDict", "ScoreWeightsDict", "FileOptionsDict",
    "RoleSource", "RoleHitDict", "RoleFitDict",
]

Tier = Literal["must_have", "bonus", "overused"]
MatchKind = Literal["exact", "variant", "alias", "acronym", "fuzzy", "related"]
VariantKind = Literal["case", "inflection", "spelling", "derivation"]
KeywordStatus = Literal["in_context", "list_only", "typo", "related", "missing", "present", "absent"]
FlagKind = Literal[
    "overused", "vague", "weak_verb", "typo", "stuffing", "acronym_only", "not_exact", "list_only",
    "unquantified", "structure",
]
SuggestionKind = Literal[
    "fix_typo", "use_in_context", "write_both", "use_exact_wording", "replace_phrase", "reduce_repetition",
    "quantify", "add_section", "add_keyword",
]
SectionName = Literal[
    "header", "summary", "experience", "skills", "education", "projects", "certifications",
    "awards", "publications", "languages", "volunteering", "interests", "personal",
    "references", "other",
]
#: How much a readability finding matters.
Severity = Literal["problem", "warning", "info"]
FindingKind = Literal[
    "no_text", "garbled_text", "contact_outside_body", "missing_contact", "little_text", "multi_column",
    "text_boxes", "headers_footers", "tables", "non_standard_headings", "inconsistent_dates", "unusual_length",
]
#: What a file is, told by its content.
FileKind = Literal["text", "pdf", "docx"]
#: Where a piece of extracted text came from.
Origin = Literal["body", "table", "text_box", "header", "footer"]
#: Where a built-in role comes from: one of the seven hand-kept roles, an O*NET occupation or an
#: ESCO occupation.
RoleSource = Literal["hand-kept", "onet", "esco"]


class Span(TypedDict):
    start: int
    end: int


class KeywordHit(TypedDict):
    span: Span
    line: int
    text: str
    kind: MatchKind
    variant: NotRequired[VariantKind]
    form: str
    via: NotRequired[str]
    section: SectionName
    in_context: bool


class Hit(KeywordHit):
    """A hit with the keyword it belongs to (``Report.hits``)."""

    keyword: str
    tier: Tier


class KeywordResult(TypedDict):
    term: str
    tier: Tier
    weight: float
    found: bool
    status: KeywordStatus
    count: int
    points: float
    hits: list[KeywordHit]
    #: For an "any one of" requirement of a job posting: its members.
    one_of: NotRequired[list[str]]


class RecruiterCheck(TypedDict):
    """A recruiter check of a resume against a job posting (``Report.to_dict()["recruiter"]``)."""

    id: Literal["title", "years", "education", "certification"]
    wanted: str
    status: Literal["met", "missing", "unknown"]
    found: str | None
    #: 0, or a penalty (negative).
    points: float
    message: str


class Flag(TypedDict):
    kind: FlagKind
    span: NotRequired[Span]
    line: NotRequired[int]
    text: str
    message: str
    suggestion: str


class ScoreItem(TypedDict):
    id: str
    label: str
    points: float
    max_points: float
    detail: str


class Suggestion(TypedDict):
    kind: SuggestionKind
    impact: float
    message: str
    keyword: NotRequired[str]
    line: NotRequired[int]


class TierSummary(TypedDict):
    total: int
    found: int
    in_context: int


class Achievements(TypedDict):
    total: int
    quantified: int
    unquantified_lines: list[int]


class SectionInfo(TypedDict):
    section: SectionName
    heading: str
    line: int


class Contact(TypedDict):
    email: Span | None
    phone: Span | None
    links: list[Span]


class DocumentInfo(TypedDict):
    word_count: int
    line_count: int
    sections: list[SectionInfo]
    contact: Contact


class RoleInfo(TypedDict):
    name: str
    title: NotRequired[str]


class Finding(TypedDict):
    """Whether an ATS can read the resume (``Report.readability``); not part of the score."""

    kind: FindingKind
    severity: Severity
    message: str
    fix: str
    spans: list[Span]
    #: 1-based pages it concerns (PDF only; may be empty).
    pages: list[int]


class PageInfo(TypedDict):
    """One page of a PDF."""

    number: int
    span: Span
    #: Characters other than white space on the page.
    chars: int
    #: Columns of text side by side (0 when the page has no text).
    columns: int
    images: int


class Region(TypedDict):
    """Extracted text that came from a table, text box, header or footer."""

    span: Span
    origin: Origin
    page: NotRequired[int]


class Extracted(TypedDict):
    """The text of a PDF or DOCX and where it came from (``Report.file``)."""

    kind: FileKind
    #: The extracted text, which every span of the report points into (``Report.text``).
    text: str
    pages: list[PageInfo]
    page_count: int | None
    columns: int
    regions: list[Region]
    images: int


class ReportDict(TypedDict):
    schema_version: int
    offsets: Literal["utf8", "utf16", "code_point"]
    role: RoleInfo
    score: int
    score_breakdown: list[ScoreItem]
    must_have: TierSummary
    bonus: TierSummary
    overused: TierSummary
    keywords: list[KeywordResult]
    flags: list[Flag]
    achievements: Achievements
    document: DocumentInfo
    suggestions: list[Suggestion]
    readability: list[Finding]
    #: Against a role from a job posting only.
    recruiter: NotRequired[list[RecruiterCheck]]
    #: For a PDF or DOCX only.
    file: NotRequired[Extracted]


class ScoreWeightsDict(TypedDict):
    must_have: float
    bonus: float
    context: float
    quantified: float
    acronyms: float
    structure: float
    overused_each: float
    vague_each: float
    overused_max: float
    stuffing_each: float
    stuffing_max: float
    quantified_target: float
    recruiter_title: float
    recruiter_years: float
    recruiter_education: float
    recruiter_certification: float
    recruiter_max: float


class FileOptionsDict(TypedDict):
    """Limits of file reading (the ``file`` option), each at least 1."""

    max_file_bytes: int
    max_pages: int
    max_unpacked_bytes: int
    max_operations: int


class OptionsDict(TypedDict):
    fuzzy: bool
    fuzzy_min_len: int
    max_input_bytes: int
    stuffing_min_count: int
    stuffing_density: float
    vague_phrases: bool
    max_suggestions: int
    weights: ScoreWeightsDict
    file: FileOptionsDict


class Evidence(TypedDict):
    """The posting line a keyword was extracted from, and why it got its tier."""

    #: 1-based line number in the posting.
    line: int
    #: The line, trimmed (at most 300 bytes).
    text: str
    #: The cue on its line ("required", "3+ years"...), or its section.
    reason: str


class RoleKeyword(TypedDict):
    """One keyword of a role (``Role.keywords``), every field present."""

    term: str
    tier: Tier
    weight: float
    aliases: list[str]
    acronym: str | None
    #: An "any one of" requirement: any member satisfies it.
    any_of: list[str]
    #: A soft skill (communication, teamwork): bonus at half weight in a role from a posting.
    soft: bool
    #: For overused terms: what to write instead.
    suggestion: str | None
    #: For a role extracted from a job posting; ``None`` for hand-written roles.
    evidence: Evidence | None


class Years(TypedDict):
    """Minimum years of experience overall."""

    min: int
    #: The posting's line.
    evidence: str


class SkillYears(TypedDict):
    """Minimum years with one skill ("5+ years of Java")."""

    skill: str
    min: int
    evidence: str


class Education(TypedDict):
    """Education a posting asks for."""

    #: The lowest level that qualifies.
    level: Literal["high_school", "associate", "bachelor", "master", "doctorate"]
    #: Fields of study, as the posting writes them (any one qualifies).
    fields: NotRequired[list[str]]
    #: A higher level the posting prefers ("MBA preferred"), never required.
    preferred: NotRequired[Literal["high_school", "associate", "bachelor", "master", "doctorate"]]
    #: "or equivalent experience": experience may stand in for the degree.
    equivalent_experience: NotRequired[bool]
    #: False where the posting only prefers a degree (absent: required).
    required: NotRequired[bool]
    evidence: str


class Certification(TypedDict):
    """A certification or licence a posting names."""

    name: str
    #: Required (a must-have cue or section), or only preferred.
    required: bool
    #: Its other names a resume may write ("CPA"), from the skill lexicon.
    aliases: NotRequired[list[str]]
    #: Other certifications the posting accepts instead ("CPA or CGFM").
    alternatives: NotRequired[list[str]]
    evidence: str


class Stated(TypedDict):
    """Something a posting states, with its line: a spoken language, travel, clearance."""

    value: str
    evidence: str


class Requirements(TypedDict):
    """What a job posting asks for beyond keywords (``Role.requirements``); only what it states."""

    years: NotRequired[Years]
    skill_years: NotRequired[list[SkillYears]]
    education: NotRequired[Education]
    certifications: NotRequired[list[Certification]]
    languages: NotRequired[list[Stated]]
    travel: NotRequired[Stated]
    clearance: NotRequired[Stated]


class RoleHitDict(TypedDict):
    """A role found by ``atscore.roles(search=...)`` (``RoleHit.to_dict()``)."""

    #: The role's name, for ``Role.builtin`` and ``role=``.
    name: str
    title: str
    source: RoleSource
    #: The O*NET-SOC code (``"29-1141.00"``) or the ESCO identifier; empty for backend-developer.
    code: str
    #: The title the search matched, when it is not ``title`` (an alternate title).
    matched: NotRequired[str]
    #: How well it matches the search, 0 to 1 (0 for the common roles of an empty search).
    score: float


class RoleFitDict(TypedDict):
    """A role that fits a resume, from ``atscore.suggest_roles`` (``RoleFit.to_dict()``)."""

    name: str
    title: str
    source: RoleSource
    #: How well the resume fits the role; only for ordering.
    fit: float
    #: The role's keywords the resume has, must-haves first.
    found: list[str]
    #: The role's job title the resume names, or names by its field ("data scientist" for
    #: "Data Science"), as a search reads its words, if any.
    named: NotRequired[str]
