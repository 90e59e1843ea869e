"""What people add to their names in LinkedIn and address books, taken off before a greeting uses it.

LinkedIn members write pronouns ("Kwame Mensah (he/him)"), a status ("Priya Patel (Open to Work)"),
a tagline after a bar ("Sam Lee | Fintech PM") or emoji into their name, and the export copies them
into First Name and Last Name. The renderer reads a word in parentheses as the name a person goes by
("Robert (Bob) Smith" is greeted "Bob"), so "(he/him)" left in would be greeted. ``clean_name``
returns the name without these and says what it took off; a nickname in parentheses stays.
A cell that starts like a spreadsheet formula (``=HYPERLINK(...)``) is not a name at all.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

#: Words of a pronoun set ("she/her", "they/them/theirs", "any pronouns", "ask me").
_PRONOUN_WORDS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "ze", "zir", "zirs"}
    | {"hir", "xe", "xem", "xyr", "fae", "faer", "e", "em", "eir", "it", "its"}
    | {"any", "all", "ask", "me", "pronoun", "pronouns"}
)
#: Statuses LinkedIn members put in their names, as compared (lower case, single spaces).
_STATUSES = frozenset(
    {
        "open to work",
        "open for work",
        "opentowork",
        "hiring",
        "we're hiring",
        "we are hiring",
        "actively hiring",
        "open to opportunities",
        "open to new opportunities",
        "looking for opportunities",
        "looking for new opportunities",
        "seeking opportunities",
        "seeking new opportunities",
        "looking for work",
        "job seeking",
    }
)
_GROUP = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_BARE_PRONOUNS = re.compile(r"[\s,|·•\u2013\u2014-]+([A-Za-z]+(?:\s*/\s*[A-Za-z]+)+)\s*$")
_TAGLINE = re.compile(r"\s*[|·•]\s*.*$")
_JOINERS = frozenset({"\u200d", "\ufe0e", "\ufe0f", "\u20e3"})
_FORMULA = re.compile(r"^\s*(=|[+\-@]\s*[A-Za-z_.]*\s*\()")


@dataclasses.dataclass(frozen=True)
class CleanName:
    """A name as a greeting should use it, the pronouns it gave, and what was taken off (for the review)."""

    name: str
    pronouns: str | None = None
    removed: tuple[str, ...] = ()


def looks_like_formula(text: str) -> bool:
    """Return whether *text* starts as a spreadsheet formula would (``=HYPERLINK(...)``, ``+SUM(``)."""
    return bool(_FORMULA.match(text))


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s/,]+", text.casefold()) if w]


def _is_pronouns(text: str) -> bool:
    words = _words(text)
    if not words or not all(w in _PRONOUN_WORDS for w in words):
        return False
    return "/" in text or "pronoun" in text.casefold()


def _is_status(text: str) -> bool:
    return " ".join(text.casefold().replace("#", "").split()) in _STATUSES


def _without_symbols(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) not in {"So", "Sk", "Cs"} and c not in _JOINERS)


def clean_name(name: str) -> CleanName:
    """Return *name* without pronouns, a status, a tagline after a bar, or emoji; a nickname stays."""
    removed: list[str] = []
    pronouns: str | None = None

    def group(match: re.Match[str]) -> str:
        nonlocal pronouns
        inner = match.group(1).strip()
        if _is_pronouns(inner):
            pronouns = pronouns or inner
            removed.append(f"pronouns ({inner})")
            return ""
        if _is_status(inner):
            removed.append(f"a status ({inner})")
            return ""
        return match.group(0)

    text = _GROUP.sub(group, name)
    bare = _BARE_PRONOUNS.search(text)
    if bare and _is_pronouns(bare.group(1)):
        pronouns = pronouns or bare.group(1)
        removed.append(f"pronouns ({bare.group(1)})")
        text = text[: bare.start()]
    tagline = _TAGLINE.search(text)
    if tagline and text[: tagline.start()].strip():
        removed.append(f"a tagline ({tagline.group(0).strip(' |·•')})")
        text = text[: tagline.start()]
    plain = _without_symbols(text)
    if plain != text:
        removed.append("emoji")
        text = plain
    text = " ".join(text.split()).strip(" ,;|-\u2013\u2014")
    if not text:  # nothing but decoration: keep what was written rather than invent a name
        return CleanName(" ".join(name.split()))
    return CleanName(text, pronouns, tuple(removed))
