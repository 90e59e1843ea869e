"""Characters and addresses an intent may carry: no controls, no invisible direction marks, real domains.

Shared by the intent's validation and by the exporters (``askcraft/_export/safety.py``), so a
value that passes here is one an ``.eml`` or ``.ics`` header can hold.
"""

from __future__ import annotations

import re
import unicodedata

#: C0 and C1 controls (NEL among them), DEL, the line and paragraph separators, and the bidi
#: controls that reorder what a reader sees (embeddings, overrides, isolates, marks).
UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

#: What text a pack writes (a message, a description, a help) may not hold: controls but tab
#: and newline (ESC starts a terminal escape that can hide text, retitle a window or write the
#: clipboard), C1 (NEL), line and paragraph separators, and the bidi controls that make a
#: reader see other text than is sent.
UNSAFE_WRITTEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def describe_char(char: str) -> str:
    """Name a character the way an error message should: ``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    name = unicodedata.name(char, "") or {"\x85": "NEXT LINE"}.get(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def unsafe_char(value: str) -> str | None:
    """Return the first control or bidi character in *value*, described, or None."""
    match = UNSAFE_CHARS.search(value)
    return describe_char(match[0]) if match else None


def ascii_domain(domain: str) -> str:
    """Return *domain* in its ASCII form (IDNA for international names), or raise ValueError saying why."""
    try:
        ascii_form = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError(f"domain {domain!r} is not a valid domain name") from None
    labels = ascii_form.split(".")
    edges = any(label.startswith("-") or label.endswith("-") for label in domain.split("."))
    if edges or len(ascii_form) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels):
        raise ValueError(
            f"domain {domain!r} is not a valid domain name (parts of 1 to 63 letters, digits or "
            "inner hyphens, separated by dots)"
        )
    return ascii_form


def email_problem(value: str) -> str | None:
    """Return what is wrong with an email address, or None when it is fine."""
    bad = unsafe_char(value)
    if bad:
        return f"must not contain control characters or invisible direction marks (found {bad})"
    if not _ADDRESS.fullmatch(value):
        return "must be an email address like sam@example.com"
    try:
        ascii_domain(value.rpartition("@")[2])
    except ValueError as exc:
        return str(exc)
    return None
