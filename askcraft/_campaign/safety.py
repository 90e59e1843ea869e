"""Contact fields are hostile input: what may not reach a header, and file names that stay in their folder.

A contact's name and email reach the ``To:`` header of an ``.eml`` and the summary of a calendar
event, and a name becomes a file name. What may reach a header is the exporters' rule
(``askcraft._export.safety.header_problem``: no control character, C1 such as NEL, line or
paragraph separator, bidi control, nor ``=?``, the start of an RFC 2047 encoded word); a contact
is refused when it is read, with its row, so a bad name never gets as far as an exporter. File
names are made from names by ``file_stem``: letters and digits only, joined by hyphens, so no
path separator, NUL or ``..`` can survive, and ``inside`` refuses any name that could leave the
output folder.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from askcraft._export import safety as export_safety

#: Line breaks of every kind, made one newline in calendar text (the exporters' own rule).
LINE_BREAKS = export_safety.LINE_BREAKS
#: Names Windows reserves for devices; a file may not be called this, whatever its extension.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
#: Characters of a file stem (before the step and extension are added).
MAX_STEM = 60


def header_problem(value: str) -> str | None:
    """Return what makes *value* unfit for a header ("contains U+000A (...)"), or None."""
    problem = export_safety.header_problem(value)
    return None if problem is None else problem[1]


def file_stem(name: str, fallback: str) -> str:
    """Return a file name stem made from a person's name: ``Nguyễn Thị Lan`` -> ``nguyen-thi-lan``.

    Accents are dropped, other letters (Chinese, Cyrillic, ...) kept; everything that is not a letter
    or digit becomes one hyphen. A name that leaves nothing (or a reserved device name) gets *fallback*.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    stem = re.sub(r"[^\w]+|_+", "-", plain.casefold(), flags=re.UNICODE).strip("-")[:MAX_STEM].strip("-")
    if not stem or stem in _RESERVED:
        return fallback
    return stem


def inside(folder: Path, file_name: str) -> Path:
    """Return ``folder / file_name``, refusing a name that could leave *folder*."""
    if (
        not file_name
        or file_name in {".", ".."}
        or "/" in file_name
        or "\\" in file_name
        or "\x00" in file_name
        or ".." in file_name
    ):
        raise ValueError(f"refusing the file name {file_name!r}: it could leave {folder}")
    # With no separator and no "..", the name is one entry of *folder*; a symlink of that name is
    # replaced by the rename in write_atomic, never followed.
    return folder / file_name
