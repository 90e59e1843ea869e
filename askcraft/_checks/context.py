"""What a checker looks at: the text, what it is meant to be, and the names that are never typos."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from askcraft._intent.model import Intent


@dataclasses.dataclass(frozen=True)
class CheckContext:
    """Everything a checker may look at: the text and what it is meant to be."""

    text: str
    kind: str = "request"
    channel: str = "email"
    subject: str | None = None
    language: str = "en-US"
    intent: Intent | None = None
    #: Names of people, companies and places that are never spelling mistakes.
    names: tuple[str, ...] = ()
    #: The date the message will be sent (for the patience rule).
    send_date: date | None = None
    #: Per-rule options, e.g. ``{"ask-size.max_names": 5, "patience.min_days": 7}``.
    options: Mapping[str, Any] = dataclasses.field(default_factory=dict)


#: A word: a letter, then letters, digits, apostrophes, hyphens or ampersands (Zoë, O'Brien, AT&T).
_WORD = re.compile(r"[^\W\d_][\w'\u2019&-]*")
#: Where a sentence ends: ., ! or ? (then a space or the end), or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s|$)|\n")
#: "I" and its contractions are capitalised but never names.
_PRONOUN = re.compile(r"^I(?:['\u2019](?:m|ve|d|ll))?$")
#: Free-text fields that read as whole sentences (their first word is capitalised anyway).
_SENTENCE_FIELDS = ("reason", "outcome", "hook", "news")
#: Free-text fields that continue a sentence ("thank you for ...", "could you ..."): every capital counts.
_FRAGMENT_FIELDS = ("help", "details", "gift")


def names_in(intent: Intent) -> tuple[str, ...]:
    """Return the proper names in an intent, which are never spelling mistakes.

    The name fields count whole; from the free text (reason, help, outcome, details, gift, hook,
    news, and text under ``extra``) come the capitalised words and runs of them that do not start a
    sentence ("Priya Patel", "Northbank") and any all-capitals acronym ("NHS"). A lower-case
    misspelling is never taken for a name.
    """
    values = [
        intent.recipient.name,
        intent.recipient.company,
        intent.sender.name,
        intent.sender.signature,
        intent.company,
        intent.industry,
        intent.role,
    ]
    names: dict[str, None] = dict.fromkeys(v for v in values if v)
    sentences = [intent.sender.reason, *(getattr(intent, f, None) for f in _SENTENCE_FIELDS[1:])]
    fragments = [getattr(intent, f, None) for f in _FRAGMENT_FIELDS]
    for value in intent.extra.values():
        items = value if isinstance(value, list) else [value]
        fragments += [item for item in items if isinstance(item, str)]
    for text in sentences:
        if isinstance(text, str):
            names.update(dict.fromkeys(proper_names(text, first_is_name=False)))
    for text in fragments:
        if isinstance(text, str):
            names.update(dict.fromkeys(proper_names(text, first_is_name=True)))
    return tuple(names)


def proper_names(text: str, *, first_is_name: bool = False) -> list[str]:
    """Return the capitalised words and runs of them in *text* that are not a sentence's first word.

    An all-capitals acronym counts wherever it stands. With *first_is_name* the text continues a
    sentence, so a capital on its first word is a name too.
    """
    found: list[str] = []
    run: list[str] = []
    first = not first_is_name
    end = 0
    for match in _WORD.finditer(text):
        gap = text[end : match.start()]
        end = match.end()
        if gap.strip() and run:  # a comma or a full stop between two names ends the run
            found.append(" ".join(run))
            run = []
        if _SENTENCE_END.search(gap):
            first = True
        word = re.sub(r"['\u2019]s$", "", match.group().rstrip("-'\u2019"))  # Priya's -> Priya
        acronym = len(word) > 1 and word.isupper()
        if word[:1].isupper() and not _PRONOUN.match(word) and (acronym or not first):
            run.append(word)
        elif run:
            found.append(" ".join(run))
            run = []
        first = False
    if run:
        found.append(" ".join(run))
    return [name for name in found if len(name) > 1]


#: A greeting line: "Hi Dan,", "Dear Dr. Okafor,", "Hello Aunty Grace!".
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|dear|morning|good (?:morning|afternoon|evening))\b"
    r"[ ,]*(?P<who>[^,!:.\n]*(?:\.[^,!:.\n]+)*)",
    re.IGNORECASE,
)


def letter_names(text: str) -> tuple[str, ...]:
    """Return the names a letter gives itself: who it greets and who signs it ("Hi Dan," ...
    "Cheers,\nEfua"), which are never spelling mistakes.

    The greeting is the first line's words after "Hi", "Dear" and the like; the signature is the
    last line when it is one to four words, each starting with a capital, under a sign-off line
    that ends with a comma ("Cheers,", "Best wishes,") or alone after a blank line.
    """
    lines = [line.strip() for line in text.strip().splitlines()]
    found: list[str] = []
    if lines:
        greeting = _GREETING.match(lines[0])
        if greeting and greeting.group("who"):
            # "Dr. Okafor": a title's full stop does not end the name.
            found.extend(proper_names(greeting.group("who").replace(".", ""), first_is_name=True))
    if len(lines) >= 2:
        last, before = re.sub(r"\s+x+$", "", lines[-1]), lines[-2]  # "Tobi x": a kiss is no name
        words = last.split()
        signs = before.endswith(",") or before == ""
        if (
            signs
            and 1 <= len(words) <= 4
            and all(w[:1].isupper() for w in words)
            and not last.endswith((".", "?", "!"))
        ):
            found.extend(proper_names(last, first_is_name=True))
    return tuple(dict.fromkeys(found))


def check_context(
    text: str,
    *,
    kind: str = "request",
    channel: str = "email",
    subject: str | None = None,
    language: str = "en-US",
    intent: Intent | None = None,
    names: Collection[str] = (),
    options: Mapping[str, Any] | None = None,
    send_date: date | None = None,
) -> CheckContext:
    """Describe a message to check, refusing a kind or channel askcraft does not know."""
    from askcraft._intent.model import CHANNELS, KINDS  # noqa: PLC0415

    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {', '.join(CHANNELS)}, not {channel!r}")
    return CheckContext(
        text=text,
        kind=kind,
        channel=channel,
        subject=subject,
        language=language,
        intent=intent,
        names=tuple(names) + (names_in(intent) if intent else ()),
        send_date=send_date or date.today(),
        options=dict(options or {}),
    )
