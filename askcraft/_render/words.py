"""Words for templates: counts in words, plurals, a/an, names, and free text made to fit (filters)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import inflect


@cache
def _engine() -> inflect.engine:
    from askcraft._render.inflect import import_inflect  # noqa: PLC0415  (only needed when rendering)

    engine: inflect.engine = import_inflect().engine()
    return engine


def number_words(value: int, *, threshold: int = 100) -> str:
    """Write a count in words: 3 -> 'three' (numbers of *threshold* and above stay digits)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"words expects a whole number, got {value!r}")
    if value >= threshold:
        return str(value)
    return str(_engine().number_to_words(value))  # type: ignore[arg-type]  # inflect types Number


def plural(noun: str, count: int = 2) -> str:
    """Return *noun* in the form that goes with *count*: ('person', 3) -> 'people'."""
    return str(_engine().plural_noun(noun, count)) if count != 1 else noun


def article(phrase: str) -> str:
    """Prefix *phrase* with 'a' or 'an' as it is pronounced: 'an hour', 'a university'."""
    # inflect says "an UX", "an URL": a capital U spelt out sounds like "you", which takes "a".
    if _SPELT_U.match(phrase):
        return f"a {phrase}"
    return str(_engine().a(phrase))


_SPELT_U = re.compile(r"U[A-Z]+\b")


def join_names(items: list[str], conj: str = "and") -> str:
    """Join words in a list the way people write them: 'A, B and C'."""
    return str(_engine().join(list(items), conj=conj, final_sep=""))


def possessive(name: str) -> str:
    """Return the possessive of a name: 'Sam' -> "Sam's", 'James' -> "James's"."""
    return name if name.endswith(("'", "\u2019")) else f"{name}'s"


def sentence(text: str) -> str:
    """Make free text one sentence: first letter capital, ending punctuation added if missing."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def clause(text: str) -> str:
    """Make free text fit mid-sentence: first letter lower-case unless it looks like a name, no end stop."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not text.startswith("I "):
        first = text.split(" ", 1)[0]
        if first.lower() in _LOWERABLE:
            text = text[0].lower() + text[1:]
    return text


#: Words that start a user's phrase and are safe to lower-case when it moves mid-sentence.
_LOWERABLE = frozenset(
    (
        "a",
        "an",
        "the",
        "my",
        "our",
        "after",
        "since",
        "i'm",
        "because",
        "having",
        "with",
        "for",
        "to",
        "in",
        "at",
        "when",
        "while",
        "now",
        "over",
        "introducing",
        "putting",
        "passing",
        "sending",
        "sharing",
        "reading",
        "looking",
        "reviewing",
        "helping",
        "telling",
        "giving",
        "taking",
        "making",
        "connecting",
        "recommending",
        "referring",
        "meeting",
        "talking",
        "spending",
        # Details follow "could you", so they usually start with a verb.
        "look",
        "share",
        "tell",
        "give",
        "send",
        "review",
        "read",
        "check",
        "help",
        "introduce",
        "put",
        "pass",
        "connect",
        "recommend",
        "meet",
        "talk",
        "take",
        "make",
        "write",
        "proofread",
        "explain",
        "walk",
        "show",
        "let",
        "answer",
        "be",
    )
)


def capfirst(text: str) -> str:
    """Capitalise the first letter only, leaving names later in the text alone."""
    return text[:1].upper() + text[1:]


def first_name(name: str) -> str:
    """Return the name used in a greeting: the first word, or title and surname ('Dr. Cruz')."""
    words = name.split()
    if not words:
        return name
    # "Hi Dr.," is no greeting: someone named with a title is greeted by title and surname.
    if len(words) > 1 and words[0].rstrip(".").casefold() in _TITLES:
        return f"{words[0]} {words[-1]}"
    return words[0]


_TITLES = frozenset(("dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"))


FILTERS: dict[str, Callable[..., Any]] = {
    "words": number_words,
    "plural": plural,
    "a": article,
    "join_names": join_names,
    "possessive": possessive,
    "sentence": sentence,
    "clause": clause,
    "first_name": first_name,
    "capfirst": capfirst,
}
