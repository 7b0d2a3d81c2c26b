"""Exception classes raised by atscore.

Every error caused by input is an :class:`AtscoreError` (a ``ValueError``);
its subclasses say what was wrong and carry the culprit as attributes.
What may be wrong with a job posting that could still be read is a
:class:`PostingWarning`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["AtscoreError", "RoleError", "OptionsError", "InputError", "FileError", "InternalError", "PostingWarning"]


class AtscoreError(ValueError):
    """Base class of every atscore error."""

    #: In a batch (``analyze_many``), the position of the text that failed.
    index: int | None = None
    #: What is wrong, without the location (when the core gives it apart).
    reason: str | None = None

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        for key, value in details.items():
            setattr(self, key, value)


class RoleError(AtscoreError):
    """A role could not be read or is not valid; names the keyword and field."""

    #: The keyword at fault, as written in the role.
    keyword: str | None = None
    #: The field at fault (``term``, ``aliases``, ``weight``, ``name``...).
    field: str | None = None
    #: For a parse error: ``"JSON"`` or ``"TOML"``, with 1-based line and column.
    format: str | None = None
    line: int | None = None
    column: int | None = None
    #: For an unknown built-in role (a name or job title that names no role, or more than one):
    #: the name asked for, and the names of the roles whose titles are closest to it, best first
    #: (empty when no title is like it; ``atscore.roles(search=name)`` gives them with their titles).
    name: str | None = None
    available: list[str] | None = None


class OptionsError(AtscoreError):
    """An analyzer option is unknown or out of range."""

    #: The option at fault, when known.
    option: str | None = None


class InputError(AtscoreError):
    """A resume cannot be analyzed: not UTF-8 text, or too large."""

    #: Byte offset of the first invalid UTF-8 sequence.
    offset: int | None = None
    #: Whether the bytes look like a binary file (PDF, DOCX...).
    binary: bool | None = None
    #: Size of the input in bytes, and the limit (option ``max_input_bytes``).
    length: int | None = None
    limit: int | None = None


class FileError(InputError):
    """A resume file cannot be read: damaged, encrypted, of a kind atscore does not read
    (an old ``.doc``, an image, a ZIP that holds no Word document), or over a limit of the
    ``file`` options. Never raised for a file that merely cannot be opened (that is ``OSError``).
    """

    #: ``"unsupported"``, ``"corrupt"``, ``"encrypted"`` or ``"limit"``.
    problem: str | None = None
    #: What kind of file it is (``"PDF"``, ``"DOCX"``, ``"DOC"``, ``"image"``, ``"binary"``...).
    kind: str | None = None
    #: Why it cannot be read, and what to do instead (unsupported or damaged files).
    reason: str | None = None
    #: For a limit: what was counted (``"file size in bytes"``, ``"pages"``...), how much the
    #: file has (at least), the limit, and the option of the ``file`` options that sets it
    #: (``"max_file_bytes"``, ``"max_pages"``, ``"max_unpacked_bytes"``, ``"max_operations"``).
    what: str | None = None
    value: int | None = None
    limit: int | None = None
    option: str | None = None


class InternalError(AtscoreError, RuntimeError):
    """A bug in atscore (a Rust panic, caught): please report it."""


class PostingWarning(UserWarning):
    """What may be wrong with a job posting that was read (``atscore.extract``, ``jd=``):
    "no skills found: is this a job description?", "this looks like a resume".

    The message starts with the posting's path (or ``job posting`` for text and bytes), as the
    CLI prints it on stderr. Silence it with
    ``warnings.filterwarnings("ignore", category=atscore.PostingWarning)``.
    """
