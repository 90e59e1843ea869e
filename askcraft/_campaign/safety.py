"""Contact fields are hostile input: what may not reach a header, and file names that stay in their folder.

A contact's name and email reach the ``To:`` header of an ``.eml`` and the summary of a calendar
event, and a name becomes a file name. So a name or email may not hold a control character
(C0, DEL, C1 such as NEL), a line or paragraph separator, a bidi control, or ``=?`` (the start
of an RFC 2047 encoded word, which mail programs decode: one can hide a line break and a
``Bcc:``). File names are made from names by ``file_stem``: letters and digits only, joined by
hyphens, so no path separator, NUL or ``..`` can survive, and the path is checked to be inside
the output folder before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: Characters that may not reach a header: C0 and C1 controls, DEL, line/paragraph separators, bidi
#: controls (embeddings, overrides, isolates, marks).
UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
ENCODED_WORD_START = "=?"
#: Line breaks of every kind (what ``str.splitlines`` splits on), made one newline in calendar text.
LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: Names Windows reserves for devices; a file may not be called this, whatever its extension.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
#: Characters of a file stem (before the step and extension are added).
MAX_STEM = 60


def header_problem(value: str) -> str | None:
    """Return what makes *value* unfit for a header ("contains U+000A, a control character"), or None."""
    match = UNSAFE_CHARS.search(value)
    if match:
        char = match[0]
        name = unicodedata.name(char, "a control character")
        return f"contains U+{ord(char):04X} ({name.lower()}), a control or invisible direction character"
    if ENCODED_WORD_START in value:
        return (
            "contains '=?', which mail programs decode as an RFC 2047 encoded word "
            "(one can hide line breaks and extra headers)"
        )
    return None


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
